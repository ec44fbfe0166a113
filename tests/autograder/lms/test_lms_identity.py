"""autograder.identity: the student behind each file of Canvas's, Moodle's and Gradescope's
downloads, and a class list joined to them."""

import datetime as dt

import pytest

from autograder import identity
from autograder.identity import BadList, Student
from tests.autograder.lms import folders


def by_submission(found):
    return {s.submission: s for s in found.students}


def test_canvas_names_give_the_user_id_and_the_late_marker_and_a_reupload_is_graded(tmp_path):
    found = identity.read_folder(folders.canvas(tmp_path), "rnn_forward.ipynb")
    students = by_submission(found)
    maria = students["garcíamaría_LATE_10037_670011_rnn_forward.ipynb"]
    assert (maria.platform, maria.id, maria.name, maria.late) == ("canvas", "10037", "garcíamaría", True)
    jose = students["núñezjosé_10041_670020_rnn_forward-1.ipynb"]  # the newer upload of the two
    assert (jose.id, jose.late) == ("10041", False)
    assert students["copia_profesor.ipynb"].platform == "plain"  # the stray notebook
    assert found.ignored == ["leeme.txt", "núñezjosé_10041_670019_rnn_forward.ipynb"]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("garcia_maria_LATE_10037_670011_tarea.ipynb", ("garcia_maria", "10037", True)),  # a name with "_"
        ("lópez_20001_5_mi_tarea_final.py", ("lópez", "20001", False)),  # "_" in the original name
        ("LATE_anon_x7Kq2_670011_tarea.ipynb", ("", "anon_x7Kq2", True)),  # an anonymous assignment
    ],
)
def test_canvas_names_in_every_documented_form(tmp_path, name, expected):
    student = identity.canvas(folders.write(tmp_path / name))
    assert (student.name, student.id, student.late) == expected


def test_moodle_folders_give_the_participant_and_the_full_name_with_its_accents(tmp_path):
    found = identity.read_folder(folders.moodle(tmp_path), "rnn_forward.ipynb")
    students = by_submission(found)
    ana = students["Ana Lucía Ortega_50026_assignsubmission_file_"]
    assert (ana.platform, ana.id, ana.name, ana.folder) == (
        "moodle",
        "50026",
        "Ana Lucía Ortega",
        "Ana Lucía Ortega_50026_assignsubmission_file_",
    )
    assert ana.late is None and ana.submitted is None  # Moodle's download says nothing of time
    assert students["Beto Ramírez_50031_assignsubmission_file_"].id == "50031"
    assert found.ignored == ["Ana Lucía Ortega_50026_assignsubmission_onlinetext_"]  # her typed text


def test_moodle_flattened_files_name_the_folder_their_feedback_goes_to(tmp_path):
    path = folders.write(tmp_path / "Ana Lucía Ortega_50026_assignsubmission_file_rnn_forward.ipynb")
    student = identity.moodle(path)
    assert (student.id, student.folder) == ("50026", "Ana Lucía Ortega_50026_assignsubmission_file_")


def test_a_gradescope_export_gives_each_submitter_with_sid_email_and_time(tmp_path):
    found = identity.read_folder(folders.gradescope(tmp_path), "rnn_forward.ipynb")
    rows = [(s.submission, s.id, s.name, s.email) for s in found.students]
    assert rows == [
        ("submission_111", "A001", "María García", "maria.garcia@uni.mx"),
        ("submission_222", "A002", "José Núñez", "jose.nunez@uni.mx"),  # a group: one row each
        ("submission_222", "A004", "Beto Ramírez", "beto.ramirez@uni.mx"),
        ("submission_333", "", "", ""),  # not in the metadata: graded, named by its folder
    ]
    when = found.students[0].submitted
    assert when == dt.datetime(2026, 3, 3, 7, 30, tzinfo=dt.UTC)
    assert [name for name, _ in found.submissions] == ["submission_111", "submission_222", "submission_333"]


def test_a_gradescope_export_unzipped_into_its_own_folder_is_found_inside_it(tmp_path):
    folders.gradescope(tmp_path / "assignment_4521_export")
    found = identity.read_folder(tmp_path, "rnn_forward.ipynb")
    assert [s.id for s in found.students] == ["A001", "A002", "A004", ""]
    assert found.submissions[0] == ("submission_111", tmp_path / "assignment_4521_export" / "submission_111")


def test_broken_gradescope_metadata_is_one_line(tmp_path):
    folders.write(tmp_path / "submission_metadata.yml", "submission_1: [unclosed\n")
    with pytest.raises(BadList) as refused:
        identity.read_folder(tmp_path, "rnn_forward.ipynb")
    assert "submission_metadata.yml is not YAML" in str(refused.value) and "\n" not in str(refused.value)


def test_names_from_a_download_are_cleaned_of_terminal_escapes(tmp_path):
    folders.write(
        tmp_path / "submission_metadata.yml",
        ('submission_1:\n  :submitters:\n  - :name: "Eve\\e]52;c;aGk=\\a\\e[2J"\n    :sid: "1\\u202e9"\n'),
    )
    folders.write(tmp_path / "submission_1" / "rnn_forward.ipynb")
    (student,) = identity.read_folder(tmp_path, "rnn_forward.ipynb").students
    assert student.name == "Eve]52;c;aGk=[2J" and student.id == "19"


def test_a_class_list_with_a_bom_semicolons_and_spanish_headers_is_read(tmp_path):
    path = folders.write(tmp_path / "lista.csv", folders.MOODLE_ROSTER)
    students = identity.read_roster(path)
    assert [(s.id, s.name, s.email) for s in students][0] == (
        "2026001",
        "Ana Lucía Ortega",
        "ana.ortega@uni.mx",
    )


def test_a_class_list_without_a_header_is_id_name_email(tmp_path):
    path = folders.write(tmp_path / "lista.csv", "A1,Ana,ana@x.mx\nA2,Beto,beto@x.mx\n")
    assert [s.id for s in identity.read_roster(path)] == ["A1", "A2"]


def test_a_class_list_that_is_not_text_is_refused_in_one_line(tmp_path):
    path = tmp_path / "lista.csv"
    path.write_bytes(b"\xff\xfe\x00id")
    with pytest.raises(BadList, match="not UTF-8"):
        identity.read_roster(path)


def test_join_matches_by_id_then_email_then_name_in_any_order(tmp_path):
    roster = [
        Student("", None, id="10037", name="María García"),
        Student("", None, email="JOSE@uni.mx"),
        Student("", None, name="Ana Lucía Ortega Ruiz"),
        Student("", None, name="Carla Díaz"),
    ]
    found = [
        Student("a.ipynb", None, id="10037", platform="canvas"),
        Student("b", None, email="jose@uni.mx", platform="gradescope"),
        Student("c.ipynb", None, name="ortegaruizanalucía", platform="canvas", id="3"),
        Student("stray.ipynb", None),
    ]
    joined = identity.join(roster, found)
    assert [(s.submission, matched) for s, matched in joined.rows] == [
        ("a.ipynb", True),
        ("b", True),
        ("c.ipynb", True),
        ("", True),  # Carla: on the list, nothing handed in
        ("stray.ipynb", False),
    ]
    assert joined.unmatched == ["stray.ipynb"]
    assert joined.rows[2][0].name == "Ana Lucía Ortega Ruiz"  # the list's spelling of the name


def test_a_plain_file_named_by_the_student_id_matches_it(tmp_path):
    joined = identity.join([Student("", None, id="A17", name="Eva")], [Student("A17.ipynb", None)])
    assert joined.rows == [(Student("A17.ipynb", None, id="A17", name="Eva"), True)]
