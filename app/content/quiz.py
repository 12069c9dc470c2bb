"""A check-yourself slide (front matter `kind: check`) read into questions.

The format, for clinic staff writing by hand:

    A few words before the first question (optional).

    ## What did the 2022 mouse study not show?
    - [ ] That ketamine raises dopamine.
      Not quite: it did raise dopamine in mice, but only briefly.
    - [x] That ketamine is safe for people.
      Yes. The study was in mice, not people.

    [What a 2022 study in mice found](070-mouse-study.md)

Each `##` heading is a question. Under it, each answer is a list item that
starts with `[x]` (the right one) or `[ ]`; the lines under an answer are its
feedback, until the next answer or the link. The link names the slide file
that explains the question; its words are the words of the button.

Only well-formed questions reach the Slide: a patient never meets one with
no right answer. Everything else is a Problem with its file line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.content.model import Answer, Problem, Question, Slide
from app.content.problems import error, warning
from app.content.render import render_section
from app.content.slide_file import Section, SlideSource

CHECK = "check"
MIN_ANSWERS, MAX_ANSWERS = 2, 4
MAX_QUESTIONS = 3  # more would not fit on one screen at the largest text size

_QUESTION = re.compile(r"^##(?!#)\s*(.*?)\s*#*\s*$")
_ANSWER = re.compile(r"^\s*[-*+]\s+\[([^\]]?)\]\s*(.*)$")
_LIST_ITEM = re.compile(r"^\s*[-*+]\s+\S")
_LINK = re.compile(r"^\s*\[([^\]]*)\]\(\s*([^)\s]*)\s*\)\s*$")
_HOW = "write each answer as '- [ ] answer' and the right one as '- [x] answer'"


@dataclass
class _Draft:
    text: str
    line: int
    answers: list[tuple[str, str, int, list[tuple[int, str]]]] = field(default_factory=list)
    link: tuple[str, str, int] | None = None  # words, target, line


@dataclass
class CheckSlide:
    """What read_check makes of a check slide: its intro as the slide's short
    part, the questions, and plain text for reading aloud and for check."""

    source: SlideSource  # the slide with only its intro as the short part
    questions: tuple[Question, ...] = ()
    problems: list[Problem] = field(default_factory=list)

    @property
    def spoken(self) -> str:
        """The questions and answers (never the feedback: it gives them away)."""
        return "\n".join(
            line for q in self.questions for line in (q.text, *(a.text for a in q.answers))
        )

    @property
    def feedback(self) -> str:
        return "\n".join(a.feedback for q in self.questions for a in q.answers)


def with_questions(slide: Slide, check: CheckSlide) -> Slide:
    """The rendered slide with its questions; their words count as its text
    (read aloud, reading grade, numbers the languages must agree on)."""
    body_text = "\n".join(part for part in (slide.body_text, check.spoken) if part)
    return replace(
        slide,
        kind=CHECK,
        questions=check.questions,
        body_text=body_text,
        more_text=check.feedback,
    )


def read_check(source: SlideSource, path: str, root: Path) -> CheckSlide:
    """The questions of a check slide's short part; never raises."""
    problems: list[Problem] = []
    if source.more.text.strip():
        problems.append(
            warning(
                path,
                source.more.first_line - 1,
                "a check-yourself slide has no Learn more part; "
                "the words after <!-- more --> are not shown",
            )
        )
    intro, drafts = _split(source.body, path, problems)
    questions = []
    for draft in drafts:
        question = _question(draft, path, root, problems)
        if question is not None:
            questions.append(question)
    if not drafts:
        problems.append(
            error(
                path,
                source.kind_line,
                "a check-yourself slide needs questions: write each one as a "
                "'## ' heading with its answers under it",
            )
        )
    if len(questions) > MAX_QUESTIONS:
        message = f"{len(questions)} questions; at most {MAX_QUESTIONS} are shown"
        problems.append(error(path, questions[MAX_QUESTIONS].line, message))
        questions = questions[:MAX_QUESTIONS]
    checked = replace(source, body=intro, more=Section("", 1))
    return CheckSlide(checked, tuple(questions), problems)


def _split(body: Section, path: str, problems: list[Problem]) -> tuple[Section, list[_Draft]]:
    """The intro before the first question, and each question's lines."""
    lines = body.text.split("\n")
    intro_end = len(lines)
    drafts: list[_Draft] = []
    for index, line in enumerate(lines):
        number = body.first_line + index
        heading = _QUESTION.match(line)
        if heading:
            intro_end = min(intro_end, index)
            drafts.append(_Draft(heading.group(1), number))
            continue
        if not drafts:
            if _ANSWER.match(line):
                problems.append(
                    error(path, number, "this answer comes before any question (a '## ' heading)")
                )
            continue
        _add_line(drafts[-1], line, number, path, problems)
    intro = Section("\n".join(lines[:intro_end]), body.first_line)
    return intro, drafts


def _add_line(draft: _Draft, line: str, number: int, path: str, problems: list[Problem]) -> None:
    answer = _ANSWER.match(line)
    link = _LINK.match(line)
    if answer:
        if draft.link is not None:
            problems.append(
                error(path, number, "this answer comes after the question's link; put it above")
            )
        draft.answers.append((answer.group(1), answer.group(2), number, []))
    elif link:
        if draft.link is not None:
            problems.append(
                error(path, number, "a question has one link to the slide that explains it")
            )
        else:
            draft.link = (link.group(1).strip(), link.group(2), number)
    elif _LIST_ITEM.match(line):
        problems.append(error(path, number, f"this list item is not an answer: {_HOW}"))
    elif line.strip():
        if draft.answers and draft.link is None:
            draft.answers[-1][3].append((number, line))
        else:
            problems.append(
                warning(
                    path,
                    number,
                    "these words are not shown: under a question go its answers, "
                    "each answer's feedback, and one link",
                )
            )


def _question(draft: _Draft, path: str, root: Path, problems: list[Problem]) -> Question | None:
    """The question, or None (with its problems) when it is not well formed."""
    before = len(problems)
    text = _plain(Section(draft.text, draft.line), path, root, problems)
    if not text:
        problems.append(error(path, draft.line, "this question has no words after ##"))
    answers = []
    for mark, words, line, feedback_lines in draft.answers:
        if mark not in ("x", "X", " ", ""):
            problems.append(error(path, line, f"'[{mark}]' is not a mark: {_HOW}"))
        answer = _plain(Section(words, line), path, root, problems)
        if not answer:
            problems.append(error(path, line, "this answer has no words"))
        feedback = ""
        if feedback_lines:
            first = feedback_lines[0][0]
            feedback = _plain(
                Section("\n".join(text.strip() for _, text in feedback_lines), first),
                path,
                root,
                problems,
            )
        if not feedback:
            problems.append(
                error(
                    path,
                    line,
                    "this answer has no feedback: on the lines under it, say kindly "
                    "and plainly why it is right or not",
                )
            )
        answers.append(Answer(answer, mark in ("x", "X"), feedback, line))
    if not MIN_ANSWERS <= len(answers) <= MAX_ANSWERS:
        problems.append(
            error(
                path,
                draft.line,
                f"this question has {len(answers)} answers; give it {MIN_ANSWERS} to {MAX_ANSWERS}",
            )
        )
    right = sum(answer.right for answer in answers)
    if answers and right != 1:
        problems.append(
            error(
                path,
                draft.line,
                f"this question has {right} right answers; mark exactly one with [x]",
            )
        )
    target, words, link_line = _link(draft, path, problems)
    if len(problems) > before and any(p.is_error for p in problems[before:]):
        return None
    return Question(text, tuple(answers), target, words, draft.line, link_line)


def _link(draft: _Draft, path: str, problems: list[Problem]) -> tuple[str, str, int]:
    if draft.link is None:
        problems.append(
            error(
                path,
                draft.line,
                "this question has no link to the slide that explains it; "
                "add a line like [What a 2022 study in mice found](070-mouse-study.md)",
            )
        )
        return "", "", draft.line
    words, target, line = draft.link
    target = target.removeprefix("./")
    if not re.fullmatch(r"[^/\\]+\.md", target):
        problems.append(
            error(
                path,
                line,
                f"link to '{target}': name a slide file of this language, "
                "like (070-mouse-study.md)",
            )
        )
    if not words:
        problems.append(error(path, line, "this link has no words for its button, inside [ ]"))
    return target, words, line


def _plain(section: Section, path: str, root: Path, problems: list[Problem]) -> str:
    """Plain text of a question, answer or feedback: Markdown's emphasis
    goes, raw HTML and links are reported as on any slide."""
    if "[@" in section.text:
        problems.append(
            error(
                path,
                section.first_line,
                "cite studies on the slide this question links to, not in a question",
            )
        )
    rendered = render_section(section, path=path, root=root, known=(), numbers={})
    problems.extend(rendered.problems)
    return " ".join(rendered.text.split())


def linked_problems(questions: tuple[Question, ...], path: Path, files: set[str]) -> list[Problem]:
    """Each question's link names a slide file of the same language, not this one."""
    found = []
    for question in questions:
        if question.explained_by == path.name:
            message = "this question links to its own slide; link to the slide that explains it"
            found.append(error(str(path), question.link_line, message))
        elif question.explained_by not in files:
            message = (
                f"this question links to {question.explained_by}, which is not a slide "
                f"of this language (in {path.parent.name}/)"
            )
            found.append(error(str(path), question.link_line, message))
    return found


def questions_differ(
    ours: tuple[Question, ...], theirs: tuple[Question, ...]
) -> list[tuple[int, str]]:
    """How another language's questions differ from the first language's
    (the same questions, in the same order, with the same right answers),
    each with the line of `theirs` it is about."""
    if len(ours) != len(theirs):
        line = theirs[0].line if theirs else 1
        return [(line, f"has {len(theirs)} questions where the first language has {len(ours)}")]
    found = []
    for number, (our, their) in enumerate(zip(ours, theirs, strict=True), start=1):
        if len(our.answers) != len(their.answers):
            found.append(
                (
                    their.line,
                    f"question {number} has {len(their.answers)} answers, "
                    f"the first language's has {len(our.answers)}",
                )
            )
        elif our.right_answer != their.right_answer:
            found.append(
                (
                    their.line,
                    f"question {number}'s right answer is answer {their.right_answer + 1}, "
                    f"the first language's is answer {our.right_answer + 1}",
                )
            )
        if our.explained_by != their.explained_by:
            found.append(
                (
                    their.link_line,
                    f"question {number} links to {their.explained_by}, "
                    f"the first language's to {our.explained_by}",
                )
            )
    return found
