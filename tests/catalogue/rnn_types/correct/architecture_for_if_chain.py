"""architecture_for as an if/elif chain over groups of tasks."""


def architecture_for(task):
    if task in ("speech_recognition", "text_summarization"):
        return "encoder-decoder"
    elif task == "image_captioning":
        return "one-to-many"
    elif task in ("spam_detection", "video_activity_recognition"):
        return "many-to-one"
    elif task in ("dna_sequence_analysis", "part_of_speech_tagging"):
        return "many-to-many"
    elif task == "image_classification":
        return "one-to-one"
    else:
        known = [
            "speech_recognition",
            "text_summarization",
            "image_captioning",
            "spam_detection",
            "video_activity_recognition",
            "dna_sequence_analysis",
            "part_of_speech_tagging",
            "image_classification",
        ]
        raise ValueError(f"unknown task {task!r}, expected one of {known}")
