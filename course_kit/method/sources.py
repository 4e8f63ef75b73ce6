"""The public sources that the method notebooks' claims rest on.

Every claim about the VIPP-SD method in notebooks 09, 10 and 12, and every row
of the programme tables of notebook 03 (:mod:`course_kit.method.programme`),
names one of these keys. They are the VERIFIED sources of the course team's fact sheet on the
method (facts read at the URL given, or in the course's own seed documents);
bibliographic data, so they are kept here rather than in the message catalog,
except the titles that describe a source in words (:data:`DESCRIBED`), which
are translated. Where the sources are silent, a claim uses the key ``"judgement"``,
which reads "the course authors' judgement - discuss with your supervisor".

Examples
--------
>>> from course_kit.method.sources import cite
>>> cite("VSI-EN").startswith("VIPP-SD International")
True
>>> "course authors' judgement" in cite("judgement")
True
"""

from __future__ import annotations

from course_kit.messages import text

__all__ = ["DESCRIBED", "JUDGEMENT", "SOURCES", "cite", "cite_all", "message_key"]

JUDGEMENT = "judgement"

#: key -> (citation, URL or ""). Seeds are the course's own source documents.
SOURCES: dict[str, tuple[str, str]] = {
    # the course's own source documents (shared with participants as course material)
    "seed000": ("VIPP-SD course plan (Ericastiftelsen), course material", ""),
    "seed001": (
        "Seminar 'Hur kan kunskap om barnets första 1000 dagar omsättas i praktik?' (Child "
        "health and parenting research group), course material",
        "",
    ),
    "seed002": (
        "RBUP, course description 'Fordypning i barnevernsarbeid med risikoutsatte sped- og "
        "småbarnsfamilier', course material",
        "",
    ),
    "VSI-EN": (
        "VIPP-SD International, 'VIPP-SD'",
        "https://www.vipp-sd-international.org/vipp-sd-1",
    ),
    "VSI-NL": (
        "VIPP-SD International, 'VIPP-SD' (Dutch page)",
        "https://www.vipp-sd-international.org/vipp-sd",
    ),
    "VSI-CERT": (
        "VIPP-SD International, 'Certification and registration after a VIPP/VIPP-SD training'",
        "https://www.vipp-sd-international.org/training-participant-password/"
        "certification-for-participants",
    ),
    "VSI-RESEARCH": (
        "VIPP-SD International, 'Research'",
        "https://www.vipp-sd-international.org/research",
    ),
    "LEIDEN-METHOD": (
        "VIPP Training and Research Centre, Leiden, 'Method'",
        "http://vippleiden.com/en/professionals/method",
    ),
    "LEIDEN-FAQ": (
        "VIPP Training and Research Centre, Leiden, 'FAQ'",
        "http://vippleiden.com/en/professionals/faq-frequently-asked-questions",
    ),
    "HOMVEE-COMP": (
        "HomVEE implementation profile of VIPP-SD, 'Model Components' (2019)",
        "https://homvee.acf.hhs.gov/node/71117",
    ),
    "NOPUNISH": (
        "'No Punish' European best-practice database, entry on VIPP-SD",
        "https://bestpractices.nopunish.eu/video-feedback-intervention-to-promote-positive-"
        "parenting-and-sensitive-discipline-vipp-sd/",
    ),
    "MVIJ": (
        "M. H. van IJzendoorn, 'Video-feedback Intervention'",
        "http://www.marinusvanijzendoorn.nl/topics/video-feedback-intervention/",
    ),
    "TACT": (
        "TACT, 'New animation launched to promote innovative video-feedback project'",
        "https://www.tactcare.org.uk/news/new-animation-launched-to-promote-innovative-video-"
        "feedback-project/",
    ),
    "VDI2023": (
        "van IJzendoorn et al. (2023), Development and Psychopathology 35(1), "
        "doi:10.1017/S0954579421001462",
        "https://doi.org/10.1017/S0954579421001462",
    ),
    "NCJ": (
        "Dutch youth-health intervention library (NCJ), entry on VIPP-SD",
        "https://www.ncj.nl/producten-diensten/interventies/jgz-interventiebibliotheek/"
        "details1/?item=231",
    ),
    "UKVIPP": (
        "Implementing THRIVE, case study of the UK VIPP Unit",
        "https://implementingthrive.org/implemented/case-studies-2/getting-help-case-studies/"
        "an-example-of-co-production-to-promote-vipp-an-evidence-based-intervention-with-"
        "the-uk-vipp-unit/",
    ),
    "CLAHRC": (
        "NIHR CLAHRC, 'Healthy Start, Happy Start' project page",
        "https://clahrcprojects.co.uk/resources/projects/happy-start-healthy-start-helping-"
        "parents-childrens-behaviour",
    ),
    "VIPP-FC": (
        "Schoemaker et al. (2018), BMC Psychology 6:38, doi:10.1186/s40359-018-0246-z",
        "https://bmcpsychology.biomedcentral.com/articles/10.1186/s40359-018-0246-z",
    ),
    "VIPP-TM": (
        "Yagmur et al. (2014), Attachment & Human Development 16(4):371-386, "
        "doi:10.1080/14616734.2014.912489",
        "https://suppr.wilddata.cn/browses/detail/pubmed/24972105",
    ),
    "FATHERS": (
        "Lawrence, Davies & Ramchandani (2013), Clinical Child Psychology and Psychiatry "
        "18(1):61-71, doi:10.1177/1359104512437210",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC3834733",
    ),
    "PERINATAL": (
        "VIPP adapted for mothers with perinatal mental illness (2024), Journal of "
        "Reproductive and Infant Psychology, doi:10.1080/02646838.2024.2322636",
        "https://informahealthcare.com/doi/full/10.1080/02646838.2024.2322636",
    ),
    "HSHS": (
        "Healthy Start, Happy Start study (NHS trial of VIPP-SD), PEDAL summary",
        "https://www.pedalhub.net/publications/item/supporting-families-with-their-childrens-"
        "behaviour-the-healthy-start-happy-start-study/",
    ),
    "STOLK2008": (
        "Stolk et al. (2008), Journal of Community Psychology 36",
        "https://vdocuments.us/early-parenting-intervention-aimed-at-maternal-sensitivity-"
        "and-discipline.html",
    ),
    "TRIAL-EXCL": (
        "Trial exclusion criteria: VIPP-FC protocol (Schoemaker et al. 2018) and "
        "HomVEE's summary of Van Zeijl et al. (2006)",
        "https://bmcpsychology.biomedcentral.com/articles/10.1186/s40359-018-0246-z",
    ),
    "VIRTUAL": (
        "Virtual-VIPP (2023), Attachment & Human Development, doi:10.1080/14616734.2023.2179575",
        "https://informahealthcare.com/doi/full/10.1080/14616734.2023.2179575",
    ),
}


#: Sources whose title is a description in words ("... entry on VIPP-SD", "course
#: material") rather than a citation: :func:`cite` writes it in the reader's language
#: (the English is the same as in :data:`SOURCES`). Titles of papers and pages stay
#: as published.
DESCRIBED = frozenset(
    {
        "seed000",
        "seed001",
        "seed002",
        "VSI-NL",
        "HOMVEE-COMP",
        "NOPUNISH",
        "NCJ",
        "UKVIPP",
        "CLAHRC",
        "PERINATAL",
        "HSHS",
        "TRIAL-EXCL",
    }
)


def cite(key: str) -> str:
    """The citation of source ``key`` with its URL, or the course-authors'-judgement label.

    Parameters
    ----------
    key : str
        A key of :data:`SOURCES`, or ``"judgement"``.

    Examples
    --------
    >>> cite("MVIJ")
    "M. H. van IJzendoorn, 'Video-feedback Intervention' (http://www.marinusvanijzendoorn.nl/topics/video-feedback-intervention/)"
    """
    if key == JUDGEMENT:
        return text("method.judgement")
    if key not in SOURCES:
        raise ValueError(f"key must be one of {sorted(SOURCES)} or 'judgement' (got {key!r}).")
    title, url = SOURCES[key]
    if key in DESCRIBED:  # a description of the source, in the reader's language
        title = text(message_key(key))
    return f"{title} ({url})" if url else title


def message_key(key: str) -> str:
    """The message key of the description of source ``key`` (see :data:`DESCRIBED`)."""
    return "programme.source." + key.lower().replace("-", "_")


def cite_all(keys) -> str:
    """Several sources, separated by semicolons; accepts ``"a;b"`` or a list.

    Examples
    --------
    >>> cite_all("seed000;judgement").count(";")
    1
    """
    if isinstance(keys, str):
        keys = [k.strip() for k in keys.split(";") if k.strip()]
    return "; ".join(cite(k) for k in keys)
