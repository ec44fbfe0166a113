"""architecture_for raises ValueError naming the task but not listing the known tasks."""

FEEDBACK = {
    "es": "debe decir cuál era la tarea y cuáles se conocen",
    "en": "it must say which task it was and which ones are known",
}


def architecture_for(task):
    architectures = {
        "image_classification": "one-to-one",
        "image_captioning": "one-to-many",
        "spam_detection": "many-to-one",
        "part_of_speech_tagging": "many-to-many",
        "text_summarization": "encoder-decoder",
        "speech_recognition": "encoder-decoder",
        "dna_sequence_analysis": "many-to-many",
        "video_activity_recognition": "many-to-one",
    }
    if task not in architectures:
        raise ValueError(f"unknown task: {task}")
    return architectures[task]
