"""Article paragraphs the tests share: long, stopword-rich, each distinct from the others."""

# Long (over long_block_chars, 200) and stopword-rich (well over stopword_share_high, 0.32).
GOOD_1 = (
    "The minister said on Tuesday that the government would not change its plans for the budget, and that "
    "it was up to the parliament to decide what should happen next with all of the money that had been set "
    "aside for the new hospitals in the north of the country."
)
GOOD_2 = (
    "She added that there was no reason to think that the talks would fail, because both of the parties had "
    "said that they wanted to reach an agreement before the end of the year, and that they were ready to make "
    "some of the changes that the other side had asked for."
)
GOOD_3 = (
    "It is not clear when the vote will take place, but most of the members of the committee have said that "
    "they expect it to be held at some point in the next few weeks, once all of the reports that they have "
    "asked for are on the table and have been read by them."
)
