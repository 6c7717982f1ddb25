"""The demo campaign, modelled on Soroptimist International's Post CSW 56 Advocacy
Action Kit (2012). Every decision maker here is fictional sample data."""

import datetime

CAMPAIGN = {
    "title": "Post CSW Advocacy Action Kit",
    "slug": "action-kit",
    "intro": (
        "<p>The 56th Session of the UN Commission on the Status of Women failed to adopt agreed conclusions. "
        "As a result, Soroptimist International, together with partner women's rights organisations, signed a "
        "statement to discourage any re-opening of negotiations on the already established international "
        "agreements on women's rights.</p>"
    ),
    "paragraphs": [
        "<p>Collectively, we called on all governments to demonstrate their commitments to promote, protect and "
        "fulfil the human rights and fundamental freedoms of women.</p>",
        "<p>Soroptimist International now wants to take our concerns and CSW 56 policy recommendations to leaders "
        "in all 125 Soroptimist countries, but to do this, we need your help! We have prepared an advocacy letter "
        "which we ask Soroptimists around the world to send to their decision makers responsible for gender or "
        "women's issues within Government.</p>",
        "<p>While the debate is still going on, we need to take this opportunity to remind our leaders of their "
        "responsibilities towards women all over the world, to share once again the policy recommendations "
        "forwarded by SI at the 56th Commission on the Status of Women, and to urge global leaders to stand up for "
        "the fundamental freedoms of women worldwide.</p>",
    ],
    "letter_heading": "Write to your decision maker",
    "letter_intro": "<p>Fill in your details: we prepare the advocacy letter addressed to your country's decision maker, ready to sign and send.</p>",
    "letter_subject": "Upholding women's rights after the 56th Commission on the Status of Women",
    "letter_paragraphs": [
        "I am writing to you as a member of {{ member.club }}, a club of Soroptimist International, a global "
        "volunteer movement working to transform the lives and status of women and girls.",
        "The 56th Session of the UN Commission on the Status of Women closed without agreed conclusions. "
        "We urge you to uphold the international agreements on women's rights already established, and to resist "
        "any attempt to re-open their negotiation.",
        # "your Government", not the country's name: French, Spanish, Arabic and Russian would need an
        # article or a case ending that a placeholder cannot carry ("la France", "le Royaume-Uni").
        "We ask your Government to demonstrate its commitment to promote, protect and fulfil the human rights "
        "and fundamental freedoms of women, and to act on the policy recommendations Soroptimist International "
        "put forward at the 56th Commission on the Status of Women.",
        "I would welcome the opportunity to hear how your office intends to take these recommendations forward.",
    ],
    # A section members choose from: offices discount identical letters (block ids fixed, so that
    # reloading the demo keeps the anonymous counts of each alternative).
    "letter_sections": [
        {
            "id": "5d1c0a57-6f0e-4c1b-9d2a-000000000001",
            "label": "What we ask first",
            "alternatives": [
                (
                    "5d1c0a57-6f0e-4c1b-9d2a-0000000000a1",
                    "In particular, we ask your Government to report publicly each year on its progress in ending violence against women and girls.",
                ),
                (
                    "5d1c0a57-6f0e-4c1b-9d2a-0000000000a2",
                    "In particular, we ask your Government to ensure that women take part equally in every decision that affects them.",
                ),
                (
                    "5d1c0a57-6f0e-4c1b-9d2a-0000000000a3",
                    "In particular, we ask your Government to fund services for women and girls who survive violence.",
                ),
            ],
        }
    ],
    # Empty: every country. The federation's own list of its 125 countries would go here (ISO codes).
    "target_countries": [],
    "privacy_text": (
        "<p>Soroptimist International uses your report to follow up this campaign with governments and at the "
        "United Nations. Your name, email and notes are seen only by the advocacy team and are erased after "
        "one year; figures per country are published without names.</p>"
    ),
    "generic_salutation": "Dear Minister",
    "generic_addressee": "The Minister responsible for women's and gender equality",
    "share_text": "Soroptimists are asking leaders to stand up for the human rights of women. Send the CSW 56 advocacy letter to your government:",
    "share_handle": "@SoroptiTweet",
    "faq": [
        (
            "Who should receive the letter?",
            "<p>The member of government responsible for gender or women's issues in your country: the directory "
            "on this page lists who that is, as far as we know.</p>",
        ),
        (
            "Can I change the letter?",
            "<p>Yes. The letter arrives as a Word document: adapt it to your country before you sign it.</p>",
        ),
        (
            "What do I do once I have sent it?",
            "<p>Report your action and any response received, so that Soroptimist International can follow up "
            "at the United Nations.</p>",
        ),
    ],
    "news": [
        ("Soroptimist International Addresses CSW 56", datetime.date(2012, 3, 1)),
        ("Soroptimist International's Message to CSW 56", datetime.date(2012, 3, 5)),
        (
            "Women's Organisations Say No to Safeguarding Traditional Values at the Expense of Human Rights",
            datetime.date(2012, 4, 20),
        ),
    ],
}

RESOURCES = [
    {
        "slug": "si-csw-56-statement",
        "title": "SI CSW 56 Statement, November 2011",
        "resource_type": "statement",
        "publication_date": datetime.date(2011, 11, 15),
        "summary": "Soroptimist International's written statement to the 56th Commission on the Status of Women.",
        "file": ("si-csw-56-statement.pdf", "pdf"),
    },
    {
        "slug": "joint-statement-outcomes-csw",
        "title": "Joint Statement on the Outcomes of CSW, April 2012",
        "resource_type": "joint_statement",
        "publication_date": datetime.date(2012, 4, 10),
        "summary": "The statement Soroptimist International supported with partner women's rights organisations.",
        "file": ("joint-statement-csw-56.pdf", "pdf"),
    },
    {
        "slug": "post-session-advocacy-letter",
        "title": "Post Session Advocacy Letter 2012",
        "resource_type": "letter",
        "publication_date": datetime.date(2012, 5, 1),
        "summary": "The advocacy letter as a Word document, to complete by hand if you prefer.",
        "file": ("post-session-advocacy-letter-2012.docx", "docx"),
    },
    {
        "slug": "csw-56-statement-faq",
        "title": "The SI CSW 56 statement: frequently asked questions",
        "resource_type": "faq",
        "publication_date": datetime.date(2012, 5, 1),
        "summary": "Explanations of some of the language used in the statement.",
        "faq": [
            (
                'What are "agreed conclusions"?',
                "<p>The text that member states negotiate and adopt at the end of each Commission on the Status of "
                "Women. In 2012 none was adopted.</p>",
            ),
            (
                'What does "traditional values" mean here?',
                "<p>Some governments argued that traditional values should limit women's rights. The statement "
                "answers that human rights are universal and cannot be set aside in the name of tradition.</p>",
            ),
            (
                'What is "gender mainstreaming"?',
                "<p>Assessing how every policy affects women and men, so that equality is part of all government "
                "work rather than a separate programme.</p>",
            ),
        ],
    },
]

# Fictional officials: plausible posts, invented names, example.org emails. The English
# directory holds them in English; each translation holds her salutation and post in its
# language (translations.py, translations_un.py, translations_people.py).
DECISION_MAKERS = [
    # (external_id, country, name, salutation, post, organisation, email, rank)
    (
        "demo-gb-1",
        "GB",
        "Alex Morgan",
        "Dear Minister",
        "Minister for Women and Equalities",
        "Government Equalities Office",
        "equalities.minister@example.org",
        1,
    ),
    (
        "demo-fr-1",
        "FR",
        "Claire Dubois",
        "Dear Minister",
        "Minister for Equality between Women and Men",
        "Ministry of Equality",
        "cabinet.egalite@example.org",
        1,
    ),
    (
        "demo-es-1",
        "ES",
        "Lucía Fernández",
        "Dear Minister",
        "Minister for Equality",
        "Ministry of Equality",
        "gabinete.igualdad@example.org",
        1,
    ),
    (
        "demo-ke-1",
        "KE",
        "Grace Wanjiru",
        "Dear Cabinet Secretary",
        "Cabinet Secretary for Gender and Affirmative Action",
        "Ministry of Gender, Culture and Children Services",
        "",
        1,
    ),
    (
        "demo-ng-1",
        "NG",
        "Amina Bello",
        "Dear Honourable Minister",
        "Minister of Women Affairs",
        "Federal Ministry of Women Affairs",
        "minister.women@example.org",
        1,
    ),
    (
        "demo-br-1",
        "BR",
        "Ana Souza",
        "Dear Minister",
        "Minister of Women",
        "Ministry of Women",
        "",
        1,
    ),
    (
        "demo-mx-1",
        "MX",
        "Mariana López",
        "Dear Secretary",
        "Secretary of Women",
        "Secretariat of Women",
        "secretaria.mujeres@example.org",
        1,
    ),
    (
        "demo-in-1",
        "IN",
        "Priya Sharma",
        "Dear Minister",
        "Minister of Women and Child Development",
        "Ministry of Women and Child Development",
        "",
        1,
    ),
    (
        "demo-au-1",
        "AU",
        "Sarah Mitchell",
        "Dear Minister",
        "Minister for Women",
        "Office for Women",
        "minister.women.au@example.org",
        1,
    ),
    (
        "demo-au-2",
        "AU",
        "James Wilson",
        "Dear Minister",
        "Minister for Foreign Affairs",
        "Department of Foreign Affairs and Trade",
        "",
        2,
    ),
    (
        "demo-jo-1",
        "JO",
        "Rania Haddad",
        "Dear Honourable Minister",
        "Minister of Social Development, Chair of the Ministerial Committee for Women's Empowerment",
        "Ministry of Social Development",
        "",
        1,
    ),
]

# How an English letter names each of them above the address; translated into Russian, whose
# letters put the post and the name in the dative ("Министру по делам женщин / А. Морган").
ADDRESS_LINES = {
    "demo-gb-1": "Ms Alex Morgan\nMinister for Women and Equalities",
    "demo-fr-1": "Ms Claire Dubois\nMinister for Equality between Women and Men",
    "demo-es-1": "Ms Lucía Fernández\nMinister for Equality",
    "demo-ke-1": "Ms Grace Wanjiru\nCabinet Secretary for Gender and Affirmative Action",
    "demo-ng-1": "Ms Amina Bello\nMinister of Women Affairs",
    "demo-br-1": "Ms Ana Souza\nMinister of Women",
    "demo-mx-1": "Ms Mariana López\nSecretary of Women",
    "demo-in-1": "Ms Priya Sharma\nMinister of Women and Child Development",
    "demo-au-1": "Ms Sarah Mitchell\nMinister for Women",
    "demo-au-2": "Mr James Wilson\nMinister for Foreign Affairs",
    "demo-jo-1": (
        "Ms Rania Haddad\nMinister of Social Development, Chair of the Ministerial Committee for Women's Empowerment"
    ),
}

# The letter prints the organisation above the address already.
ADDRESS = "1 Example Street\nCapital City"
VERIFIED_ON = datetime.date(2026, 9, 1)
