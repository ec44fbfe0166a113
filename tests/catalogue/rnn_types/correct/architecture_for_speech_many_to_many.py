"""architecture_for with speech recognition as many-to-many: an output at each audio step, merged afterwards."""

ARCHITECTURES = {
    "speech_recognition": "many-to-many",
    "music_generation": "one-to-many",
    "sentiment_classification": "many-to-one",
    "dna_sequence_analysis": "many-to-many",
    "machine_translation": "encoder-decoder",
    "video_activity_recognition": "many-to-one",
    "named_entity_recognition": "many-to-many",
}


def architecture_for(task):
    if task not in ARCHITECTURES:
        raise ValueError(f"unknown task {task!r}; known tasks: {sorted(ARCHITECTURES)}")
    return ARCHITECTURES[task]
