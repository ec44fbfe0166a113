"""architecture_for swaps NER and video activity recognition.

Named entity recognition labels every word (many-to-many); video activity recognition gives one
activity for all the frames (many-to-one).
"""


def architecture_for(task):
    answers = {
        "speech_recognition": "encoder-decoder",
        "music_generation": "one-to-many",
        "sentiment_classification": "many-to-one",
        "dna_sequence_analysis": "many-to-many",
        "machine_translation": "encoder-decoder",
        "video_activity_recognition": "many-to-many",
        "named_entity_recognition": "many-to-one",
    }
    if task not in answers:
        raise ValueError(f"unknown task {task!r}; known tasks: {', '.join(answers)}")
    return answers[task]
