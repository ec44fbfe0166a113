"""architecture_for with speech recognition as many-to-many: an output at each audio step, merged afterwards."""

ARCHITECTURES = {
    "image_classification": "one-to-one",
    "image_captioning": "one-to-many",
    "spam_detection": "many-to-one",
    "part_of_speech_tagging": "many-to-many",
    "text_summarization": "encoder-decoder",
    "speech_recognition": "many-to-many",
    "dna_sequence_analysis": "many-to-many",
    "video_activity_recognition": "many-to-one",
}


def architecture_for(task):
    if task not in ARCHITECTURES:
        raise ValueError(f"unknown task {task!r}; known tasks: {sorted(ARCHITECTURES)}")
    return ARCHITECTURES[task]
