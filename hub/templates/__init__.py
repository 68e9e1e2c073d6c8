"""Templates employers take away: each is Markdown in data/templates/, shown on its page under
docs/templates/ and published as a Word document and as plain text."""

# Each template: its id (the file data/templates/<id>.md, the page docs/templates/<id>.md and the
# downloads templates/<id>.docx and .txt) and its title.
TEMPLATES: dict[str, str] = {
    "survey-invitation": "Survey invitation email",
    "staff-faq": "Questions and answers for staff",
    "privacy-notice": "Privacy notice wording",
    "board-paper": "Board paper outline",
    "published-report": "Published report",
}
