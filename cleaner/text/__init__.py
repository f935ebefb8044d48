"""Text and markdown captures: segmentation into Blocks, and metadata found in plain lines."""
