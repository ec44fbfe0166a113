"""architecture_for swaps part-of-speech tagging and video activity recognition.

Part-of-speech tagging labels every word (many-to-many); video activity recognition gives one
activity for all the frames (many-to-one).
"""


def architecture_for(task):
    answers = {
        "image_classification": "one-to-one",
        "image_captioning": "one-to-many",
        "spam_detection": "many-to-one",
        "part_of_speech_tagging": "many-to-one",
        "text_summarization": "encoder-decoder",
        "speech_recognition": "encoder-decoder",
        "dna_sequence_analysis": "many-to-many",
        "video_activity_recognition": "many-to-many",
    }
    if task not in answers:
        raise ValueError(f"unknown task {task!r}; known tasks: {', '.join(answers)}")
    return answers[task]
