"""architecture_for as an if/elif chain over groups of tasks."""


def architecture_for(task):
    if task in ("speech_recognition", "machine_translation"):
        return "encoder-decoder"
    elif task == "music_generation":
        return "one-to-many"
    elif task in ("sentiment_classification", "video_activity_recognition"):
        return "many-to-one"
    elif task in ("dna_sequence_analysis", "named_entity_recognition"):
        return "many-to-many"
    else:
        known = [
            "speech_recognition",
            "machine_translation",
            "music_generation",
            "sentiment_classification",
            "video_activity_recognition",
            "dna_sequence_analysis",
            "named_entity_recognition",
        ]
        raise ValueError(f"unknown task {task!r}, expected one of {known}")
