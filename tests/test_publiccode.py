# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""publiccode.yml holds what version 0.4 of the standard requires, and agrees with the project.

The rules are those of the standard's core schema, version 0.4
(https://yml.publiccode.tools, docs/standard/schema.core.rst at v0.4.0): pure Python and
PyYAML, no network.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

PLATFORMS = {"web", "windows", "mac", "linux", "ios", "android"}
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}
# The controlled vocabularies of 0.4 (categories-list.rst and scope-list.rst).
CATEGORIES = set(
    [
        "accounting",
        "agile-project-management",
        "applicant-tracking",
        "application-development",
        "appointment-scheduling",
        "backup",
        "billing-and-invoicing",
        "blog",
        "budgeting",
        "business-intelligence",
        "business-process-management",
        "cad",
        "call-center-management",
        "cloud-management",
        "collaboration",
        "communications",
        "compliance-management",
        "contact-management",
        "content-management",
        "crm",
        "customer-service-and-support",
        "data-analytics",
        "data-collection",
        "data-visualization",
        "design",
        "design-system",
        "digital-asset-management",
        "digital-citizenship",
        "document-management",
        "donor-management",
        "e-commerce",
        "e-signature",
        "educational-content",
        "email-management",
        "email-marketing",
        "employee-management",
        "enterprise-project-management",
        "enterprise-social-networking",
        "erp",
        "event-management",
        "facility-management",
        "feedback-and-reviews-management",
        "financial-reporting",
        "fleet-management",
        "fundraising",
        "gamification",
        "geographic-information-systems",
        "grant-management",
        "graphic-design",
        "help-desk",
        "hr",
        "ide",
        "identity-management",
        "instant-messaging",
        "integrated-library-system",
        "inventory-management",
        "it-asset-management",
        "it-development",
        "it-management",
        "it-security",
        "it-service-management",
        "knowledge-management",
        "learning-management-system",
        "marketing",
        "mind-mapping",
        "mobile-marketing",
        "mobile-payment",
        "network-management",
        "office",
        "online-booking",
        "online-community",
        "payment-gateway",
        "payroll",
        "predictive-analysis",
        "procurement",
        "productivity-suite",
        "project-collaboration",
        "project-management",
        "property-management",
        "real-estate-management",
        "regulations-and-directives",
        "remote-support",
        "resource-management",
        "sales-management",
        "seo",
        "service-desk",
        "social-media-management",
        "survey",
        "talent-management",
        "task-management",
        "taxes-management",
        "test-management",
        "time-management",
        "time-tracking",
        "translation",
        "video-conferencing",
        "video-editing",
        "visitor-management",
        "voip",
        "warehouse-management",
        "web-collaboration",
        "web-conferencing",
        "website-builder",
        "whistleblowing",
        "workflow-management",
    ]
)
SCOPES = set(
    [
        "agriculture",
        "culture",
        "defence",
        "education",
        "emergency-services",
        "employment",
        "energy",
        "environment",
        "finance-and-economic-development",
        "foreign-affairs",
        "government",
        "healthcare",
        "infrastructures",
        "justice",
        "local-authorities",
        "manufacturing",
        "research",
        "science-and-technology",
        "security",
        "society",
        "sport",
        "tourism",
        "transportation",
        "welfare",
    ]
)
TOP_LEVEL = {
    "publiccodeYmlVersion",
    "name",
    "applicationSuite",
    "url",
    "landingURL",
    "isBasedOn",
    "softwareVersion",
    "releaseDate",
    "logo",
    "monochromeLogo",
    "inputTypes",
    "outputTypes",
    "platforms",
    "categories",
    "usedBy",
    "roadmap",
    "developmentStatus",
    "softwareType",
    "intendedAudience",
    "description",
    "legal",
    "maintenance",
    "localisation",
    "dependsOn",
    "it",
}
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def problems(doc: Any) -> list[str]:
    """Everything in a parsed publiccode.yml that breaks the 0.4 core schema."""
    found: list[str] = []

    def need(key: str, kind: type | tuple[type, ...], where: dict[str, Any], path: str) -> Any:
        if key not in where:
            found.append(f"{path}{key}: missing")
            return None
        if not isinstance(where[key], kind) or where[key] in ("", [], {}):
            found.append(f"{path}{key}: expected a non-empty {kind}")
            return None
        return where[key]

    if not isinstance(doc, dict):
        return ["the file is not a mapping"]
    found += [f"{key}: not a key of the 0.4 standard" for key in doc if key not in TOP_LEVEL]
    if need("publiccodeYmlVersion", str, doc, "") not in (None, "0.4"):
        found.append("publiccodeYmlVersion: expected the string '0.4'")
    need("name", str, doc, "")
    url = need("url", str, doc, "")
    if url is not None and not re.match(r"^https?://[^\s/]+\.[^\s/]+/\S+$", url):
        found.append(f"url: not the URL of a repository: {url!r}")
    for date_key in ("releaseDate",):
        if date_key in doc and not re.match(r"^\d{4}-\d{2}-\d{2}$", str(doc[date_key])):
            found.append(f"{date_key}: expected YYYY-MM-DD (quoted)")
    platforms = need("platforms", list, doc, "")
    for platform in platforms or []:
        if not isinstance(platform, str):
            found.append(f"platforms: not a string: {platform!r}")
    for category in need("categories", list, doc, "") or []:
        if category not in CATEGORIES:
            found.append(f"categories: {category!r} is not in the 0.4 list")
    if need("developmentStatus", str, doc, "") not in (None, *DEVELOPMENT_STATUS):
        found.append(f"developmentStatus: one of {sorted(DEVELOPMENT_STATUS)}")
    if need("softwareType", str, doc, "") not in (None, *SOFTWARE_TYPES):
        found.append(f"softwareType: one of {sorted(SOFTWARE_TYPES)}")
    audience = doc.get("intendedAudience", {})
    for scope in audience.get("scope", []) if isinstance(audience, dict) else []:
        if scope not in SCOPES:
            found.append(f"intendedAudience/scope: {scope!r} is not in the 0.4 list")
    for country in audience.get("countries", []) if isinstance(audience, dict) else []:
        if not re.match(r"^[a-z]{2}$", str(country)):
            found.append(f"intendedAudience/countries: {country!r} is not a lowercase ISO 3166-1 code")
    description = need("description", dict, doc, "") or {}
    for lang, text in description.items():
        path = f"description/{lang}/"
        if not _LANGUAGE.match(str(lang)):
            found.append(f"description: {lang!r} is not a BCP 47 language tag")
        if not isinstance(text, dict):
            found.append(f"{path}: expected a mapping")
            continue
        short = need("shortDescription", str, text, path)
        if short is not None and (len(short) > 150 or "\n" in short.strip()):
            found.append(f"{path}shortDescription: one line of at most 150 characters ({len(short)})")
        long = need("longDescription", str, text, path)
        if long is not None and not 150 <= len(long) <= 10000:
            found.append(f"{path}longDescription: 150 to 10,000 characters ({len(long)})")
        for feature in need("features", list, text, path) or []:
            if not isinstance(feature, str) or not feature.strip():
                found.append(f"{path}features: every feature is a text")
    legal = need("legal", dict, doc, "") or {}
    need("license", str, legal, "legal/")
    maintenance = need("maintenance", dict, doc, "") or {}
    kind = need("type", str, maintenance, "maintenance/")
    if kind is not None and kind not in MAINTENANCE_TYPES:
        found.append(f"maintenance/type: one of {sorted(MAINTENANCE_TYPES)}")
    if kind in ("internal", "community"):
        for contact in need("contacts", list, maintenance, "maintenance/") or []:
            if not isinstance(contact, dict) or not contact.get("name"):
                found.append("maintenance/contacts: every contact has a name")
    if kind == "contract":
        need("contractors", list, maintenance, "maintenance/")
    localisation = need("localisation", dict, doc, "") or {}
    if "localisationReady" not in localisation or not isinstance(localisation["localisationReady"], bool):
        found.append("localisation/localisationReady: missing, or not true/false")
    for lang in need("availableLanguages", list, localisation, "localisation/") or []:
        if not _LANGUAGE.match(str(lang)):
            found.append(f"localisation/availableLanguages: {lang!r} is not a BCP 47 tag")
    return found


@pytest.fixture(scope="module")
def publiccode() -> dict[str, Any]:
    text = (ROOT / "publiccode.yml").read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    assert isinstance(doc, dict)
    return doc


@pytest.fixture(scope="module")
def project() -> dict[str, str]:
    """The plain `key = "value"` lines of pyproject.toml's [project] table (tomllib is 3.11+)."""
    table = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[project]", 1)[1].split("\n[", 1)[0]
    return dict(re.findall(r'^([\w-]+) = "([^"]*)"$', table, re.MULTILINE))


def test_publiccode_meets_the_standard(publiccode: dict[str, Any]) -> None:
    assert problems(publiccode) == []


def test_the_check_finds_what_is_wrong(publiccode: dict[str, Any]) -> None:
    broken = {key: value for key, value in publiccode.items() if key != "name"}
    broken["publiccodeYmlVersion"] = 0.4
    broken["categories"] = ["polarisation"]
    broken["description"] = {"nl": {"shortDescription": "x" * 151, "longDescription": "te kort"}}
    broken["maintenance"] = {"type": "internal"}
    broken["softwareTyp"] = "standalone/desktop"
    found = "\n".join(problems(broken))
    for expected in (
        "name: missing",
        "publiccodeYmlVersion",
        "'polarisation' is not in the 0.4 list",
        "shortDescription: one line of at most 150",
        "longDescription: 150 to 10,000",
        "description/nl/features: missing",
        "maintenance/contacts: missing",
        "softwareTyp: not a key",
    ):
        assert expected in found
    assert problems([]) == ["the file is not a mapping"]


def test_publiccode_is_in_dutch_and_english_as_the_tool_is(publiccode: dict[str, Any]) -> None:
    languages = sorted(path.name for path in (ROOT / "content").iterdir() if path.is_dir())
    assert sorted(publiccode["description"]) == languages == sorted(["nl", "en"])
    assert sorted(publiccode["localisation"]["availableLanguages"]) == languages
    assert publiccode["localisation"]["localisationReady"] is True
    # Both say the same: as many features in each language.
    nl, en = publiccode["description"]["nl"], publiccode["description"]["en"]
    assert len(nl["features"]) == len(en["features"])


def test_publiccode_agrees_with_pyproject(publiccode: dict[str, Any], project: dict[str, str]) -> None:
    assert publiccode["name"] == project["name"]
    assert publiccode["legal"]["license"] == project["license"]
    python = next(dep for dep in publiccode["dependsOn"]["open"] if dep["name"] == "Python")
    assert project["requires-python"] == f">={python['versionMin']}"
    if "softwareVersion" in publiccode:
        assert publiccode["softwareVersion"] == project["version"]
