"""architecture_for raises ValueError naming the task but not listing the known tasks."""

FEEDBACK = {
    "es": "debe decir cuál era la tarea y cuáles se conocen",
    "en": "it must say which task it was and which ones are known",
}


def architecture_for(task):
    architectures = {
        "speech_recognition": "encoder-decoder",
        "music_generation": "one-to-many",
        "sentiment_classification": "many-to-one",
        "dna_sequence_analysis": "many-to-many",
        "machine_translation": "encoder-decoder",
        "video_activity_recognition": "many-to-one",
        "named_entity_recognition": "many-to-many",
    }
    if task not in architectures:
        raise ValueError(f"unknown task: {task}")
    return architectures[task]
