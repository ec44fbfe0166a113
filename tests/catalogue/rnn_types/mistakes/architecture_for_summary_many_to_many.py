"""architecture_for answers many-to-many for text summarization.

Both the input and the output are sequences, but a summary is much shorter than the text and
does not follow it word by word: the whole text must be read before writing (encoder-decoder).
"""


def architecture_for(task):
    if task in ("part_of_speech_tagging", "dna_sequence_analysis", "text_summarization"):
        return "many-to-many"
    if task in ("spam_detection", "video_activity_recognition"):
        return "many-to-one"
    if task in ("speech_recognition",):
        return "encoder-decoder"
    if task == "image_captioning":
        return "one-to-many"
    if task == "image_classification":
        return "one-to-one"
    known = [
        "image_classification",
        "image_captioning",
        "spam_detection",
        "part_of_speech_tagging",
        "text_summarization",
        "speech_recognition",
        "dna_sequence_analysis",
        "video_activity_recognition",
    ]
    raise ValueError(f"unknown task {task!r}; known tasks: {known}")
