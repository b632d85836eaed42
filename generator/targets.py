"""What a build makes: one Target per output file, with the fingerprint of everything it is made of.

A file whose fingerprint is unchanged since it was written is left alone (build.py decides).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .project import Project, files_digest, fingerprint
from .fonts import font_identity

if TYPE_CHECKING:
    from .content.edition import Edition
    from .document.manifest import DocumentFiles, Manifest
    from .kinds import Job
    from .render import RenderTask

MANIFEST = "danh-sach-gui"  # the distribution list, as .csv and .html in output/<year>/


@dataclass(frozen=True)
class Target:
    """One output file: where it goes, what its inputs hash to, and how to make it."""

    relative: str  # path under output/<year>/
    fingerprint: str
    task: RenderTask | None = None  # rendered by a worker
    make: Callable[[], bytes] | None = None  # cheap enough to make here (the distribution list)


class _TemplateDigests:
    """The files a template of a format reads, hashed once per build: a change to a template
    rebuilds the documents that use it and no others."""

    def __init__(self, project: Project) -> None:
        self.templates = project.templates
        self.html = project.templates / "html"
        self.digests: dict[tuple[str, str], str] = {}

    def __call__(self, format: str, template: str) -> str:
        from .writers.jinja import template_files
        from .writers.pdf import pdf_template_files

        if (format, template) not in self.digests:
            if format == "docx":
                folder, files = self.templates, [self.templates / template]
            elif format == "pdf":
                folder, files = self.html, pdf_template_files(self.html, template)
            else:
                folder, files = self.html, template_files(self.html, template)
            self.digests[format, template] = files_digest(folder, files)
        return self.digests[format, template]


def _job_targets(job: Job, edition: Edition, digests: _TemplateDigests) -> tuple[Target, Target]:
    """A document's DOCX and PDF."""
    from .render import RenderTask

    document = job.document(edition)
    content = repr(document)
    word_template = digests.templates / job.kind.docx_template
    docx = Target(
        f"{job.stem}.docx",
        fingerprint("docx", content, digests("docx", job.kind.docx_template)),
        task=RenderTask("docx", document, word_template),
    )
    # A PDF takes its paragraph styles from the Word template: a restyle in Word remakes it too.
    pdf = Target(
        f"{job.stem}.pdf",
        fingerprint(
            "pdf",
            content,
            digests("pdf", job.kind.html_template),
            digests("docx", job.kind.docx_template),
            font_identity(),
        ),
        task=RenderTask("pdf", document, digests.html / job.kind.html_template, word_template),
    )
    return docx, pdf


def _manifest_targets(
    edition: Edition,
    digests: _TemplateDigests,
    by_recipient: dict[str, dict[str, DocumentFiles]],
    plan_files: tuple[DocumentFiles, ...],
) -> list[Target]:
    """The distribution list, as CSV and HTML."""
    from .content.distribution import distribution
    from .document.manifest import build_manifest
    from .kinds import document_titles

    recipient_titles = document_titles(edition)
    manifest = build_manifest(edition, distribution(edition)[0], recipient_titles, by_recipient, plan_files)
    content = repr(manifest)
    return [
        Target(f"{MANIFEST}.csv", fingerprint("csv", content), make=lambda: _manifest_csv(manifest)),
        Target(
            f"{MANIFEST}.html",
            fingerprint("html", content, digests("html", f"{MANIFEST}.html")),
            make=lambda: _manifest_html(manifest, digests.html),
        ),
    ]


def targets(project: Project, edition: Edition) -> list[Target]:
    from .document.manifest import DocumentFiles
    from .kinds import jobs

    digests = _TemplateDigests(project)
    result: list[Target] = []
    by_recipient: dict[str, dict[str, DocumentFiles]] = {}
    plan_files: tuple[DocumentFiles, ...] = ()
    for job in jobs(edition):
        docx, pdf = _job_targets(job, edition, digests)
        result += (docx, pdf)
        files = DocumentFiles(job.title(edition), docx.relative, pdf.relative)
        if job.recipient is None:
            plan_files += (files,)
        else:
            by_recipient.setdefault(job.recipient.key, {})[files.title] = files
    return result + _manifest_targets(edition, digests, by_recipient, plan_files)


def _manifest_csv(manifest: Manifest) -> bytes:
    from .writers.manifest import render_csv

    return render_csv(manifest)


def _manifest_html(manifest: Manifest, html_folder: Path) -> bytes:
    from .writers.manifest import render_manifest_html

    return render_manifest_html(manifest, html_folder, f"{MANIFEST}.html")
