"""Kinds of practice a demo practitioner can have, each consistent across its fields.

A profile ties profession, grade, specialty group and care setting (vocabulary codes)
to the wording a plan for that practice would use: the job, the clinical work to be
reskilled, the assessment tools that fit it and the scope limits of early stages.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class PracticeProfile:
    profession: str  # vocabulary: professions
    grade: str  # vocabulary: grades
    specialty_group: str  # vocabulary: specialty_groups
    care_setting: str  # vocabulary: care_settings
    job_title: str
    clinical_work: str  # the technical work a clinical-skills objective is about
    procedures: str  # what DOPS / observed practice covers
    wbas: tuple[str, ...]  # vocabulary: wba_types, most relevant first
    early_limits: tuple[str, ...]  # vocabulary: scope_limits for the closest stages
    weight: int = 1
    surgical: bool = False  # surgeons are Mr/Ms, not Dr

    def title_for(self, sex: str) -> str:
        if self.profession == "pharmacist":
            return "Mr" if sex == "male" else "Ms"
        if self.surgical and self.grade == "consultant":
            return "Mr" if sex == "male" else "Ms"
        return "Dr"


PROFILES: tuple[PracticeProfile, ...] = (
    PracticeProfile(
        "doctor", "consultant", "surgery", "secondary", "Consultant General Surgeon",
        "elective and emergency general surgery", "laparoscopic cholecystectomy, hernia repair "
        "and emergency laparotomy", ("CbD", "DOPS", "PBA", "NOTSS", "MSF"),
        ("elective_only", "no_complex", "no_on_call"), weight=5, surgical=True,
    ),
    PracticeProfile(
        "doctor", "consultant", "surgery", "secondary", "Consultant Trauma and Orthopaedic Surgeon",
        "elective arthroplasty and trauma surgery", "primary hip and knee arthroplasty and "
        "fixation of hip fractures", ("CbD", "PBA", "DOPS", "NOTSS", "MSF"),
        ("elective_only", "no_complex", "no_on_call"), weight=3, surgical=True,
    ),
    PracticeProfile(
        "doctor", "consultant", "medicine", "secondary", "Consultant Physician in Acute Medicine",
        "assessment and management of acutely unwell adults", "post-take ward rounds and "
        "ultrasound-guided procedures", ("CbD", "mini-CEX", "ACAT", "MSF"),
        ("no_on_call", "no_complex", "no_locum"), weight=3,
    ),
    PracticeProfile(
        "doctor", "sas", "medicine", "secondary", "Specialty Doctor in Paediatrics",
        "assessment of acutely unwell children", "neonatal resuscitation and paediatric "
        "cannulation", ("CbD", "mini-CEX", "DOPS", "MSF"), ("no_on_call", "no_complex"), weight=2,
    ),
    PracticeProfile(
        "doctor", "gp", "general_practice", "primary", "General Practitioner (partner)",
        "consultations, prescribing and management of long-term conditions", "joint injections "
        "and minor surgery", ("COT", "CbD", "CAT", "PSQ", "MSF"),
        ("prescribing_agreed", "no_locum", "no_on_call"), weight=4,
    ),
    PracticeProfile(
        "doctor", "consultant", "psychiatry", "community",
        "Consultant Psychiatrist (community mental health team)",
        "risk assessment, Mental Health Act work and prescribing", "Mental Health Act "
        "assessments", ("CbD", "mini-CEX", "MSF"), ("no_on_call", "no_complex"), weight=2,
    ),
    PracticeProfile(
        "doctor", "consultant", "anaesthetics", "secondary", "Consultant Anaesthetist",
        "general and regional anaesthesia for elective and emergency lists", "regional blocks "
        "and airway management", ("CbD", "DOPS", "mini-CEX", "MSF"),
        ("elective_only", "no_on_call", "no_complex"), weight=2,
    ),
    PracticeProfile(
        "doctor", "consultant", "obstetrics", "secondary",
        "Consultant Obstetrician and Gynaecologist", "intrapartum care and obstetric surgery",
        "caesarean section and operative vaginal delivery", ("CbD", "DOPS", "PBA", "NOTSS", "MSF"),
        ("elective_only", "no_on_call", "no_complex"), weight=2,
    ),
    PracticeProfile(
        "doctor", "sas", "emergency_medicine", "secondary",
        "Specialty Doctor in Emergency Medicine",
        "assessment and resuscitation of patients in the emergency department", "procedural "
        "sedation and chest drain insertion", ("CbD", "mini-CEX", "ACAT", "DOPS", "MSF"),
        ("no_on_call", "no_complex", "no_locum"), weight=2,
    ),
    PracticeProfile(
        "doctor", "trainee", "surgery", "secondary", "Specialty Registrar (ST5) in General Surgery",
        "emergency general surgery on the acute take", "appendicectomy and laparoscopic "
        "cholecystectomy", ("CbD", "PBA", "DOPS", "MSF"), ("no_on_call", "no_complex"),
    ),
    PracticeProfile(
        "doctor", "consultant", "radiology", "secondary", "Consultant Radiologist",
        "reporting of CT and MRI examinations", "image-guided biopsies and drain insertion",
        ("CbD", "DOPS", "MSF"), ("no_complex", "no_on_call"),
    ),
    PracticeProfile(
        "dentist", "dentist_gdp", "dentistry", "primary", "General Dental Practitioner (performer)",
        "examination, treatment planning and restorative dentistry", "extractions and "
        "endodontic treatment", ("dental-CbD", "DOPS", "ADEPT", "PSQ", "MSF"),
        ("no_complex", "no_locum"), weight=4,
    ),
    PracticeProfile(
        "dentist", "dentist_hospital", "dentistry", "secondary",
        "Specialty Dentist in Oral Surgery",
        "minor oral surgery under local anaesthetic and sedation", "surgical extraction of "
        "third molars", ("dental-CbD", "DOPS", "ADEPT", "MSF"), ("no_complex", "no_on_call"),
    ),
    PracticeProfile(
        "pharmacist", "pharmacist", "pharmacy", "primary", "Community Pharmacist (responsible "
        "pharmacist)", "dispensing accuracy, clinical checks and NHS consultation services",
        "clinical checks of prescriptions and consultations", ("MRCF", "CbD", "MSF", "PSQ"),
        ("prescribing_agreed", "no_locum"), weight=3,
    ),
    PracticeProfile(
        "pharmacist", "pharmacist", "pharmacy", "secondary", "Advanced Clinical Pharmacist "
        "(independent prescriber)", "clinical screening and independent prescribing on medical "
        "wards", "medicines reconciliation and prescribing consultations",
        ("MRCF", "CbD", "mini-CEX", "MSF"), ("prescribing_agreed", "no_on_call"), weight=2,
    ),
    PracticeProfile(
        "pharmacist", "pharmacist", "pharmacy", "primary", "Clinical Pharmacist in General "
        "Practice", "structured medication reviews and prescribing in long-term conditions",
        "structured medication review consultations", ("MRCF", "CbD", "MSF"),
        ("prescribing_agreed", "no_locum"),
    ),
)


def profile_for(rng: random.Random, profession: str) -> PracticeProfile:
    pool = [p for p in PROFILES if p.profession == profession]
    return rng.choices(pool, weights=[p.weight for p in pool])[0]


def registration_number(rng: random.Random, profession: str) -> str:
    """GMC and GPhC numbers have 7 digits (GPhC's start with 2); GDC's are shorter."""
    if profession == "doctor":
        return str(rng.randint(3_000_000, 7_999_999))
    if profession == "pharmacist":
        return str(rng.randint(2_030_000, 2_229_999))
    return str(rng.randint(60_000, 289_999))
