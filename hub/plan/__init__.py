"""The action plan: the actions of every element page's two checklists, as data.

Each checklist item carries a stable id in the Markdown (`{ #action-culture-senior-champion }`
on its last line), so rewording an action keeps a visitor's saved tick. `extract` reads the
actions from the Markdown and checks their ids; `render` marks the checkboxes in the built
HTML and writes the actions file the page scripts read.
"""
