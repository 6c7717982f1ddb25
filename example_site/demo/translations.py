"""French and Spanish text of the demo campaign (Arabic, Chinese and Russian: translations_un.py),
keyed by the English source segment, as a translator would enter it in wagtail-localize."""

FR = {
    "Soroptimist International (example)": "Soroptimist International (exemple)",
    "An example site of soroptimist-advocacy. Its campaign is sample data.":
        "Un site d'exemple de soroptimist-advocacy. Sa campagne est une démonstration.",
    "Project Tools and Resources": "Outils et ressources du projet",
    "Statements, letters and explanations for Soroptimist advocacy.":
        "Déclarations, lettres et explications pour le plaidoyer soroptimiste.",
    "SI CSW 56 Statement, November 2011": "Déclaration de SI à la CSW 56, novembre 2011",
    "Soroptimist International's written statement to the 56th Commission on the Status of Women.":
        "La déclaration écrite de Soroptimist International à la 56e Commission de la condition de la femme.",
    "Joint Statement on the Outcomes of CSW, April 2012": "Déclaration commune sur les résultats de la CSW, avril 2012",
    "The statement Soroptimist International supported with partner women's rights organisations.":
        "La déclaration soutenue par Soroptimist International avec des organisations partenaires de défense des droits des femmes.",
    "Post Session Advocacy Letter 2012": "Lettre de plaidoyer après la session 2012",
    "The advocacy letter as a Word document, to complete by hand if you prefer.":
        "La lettre de plaidoyer au format Word, à compléter à la main si vous préférez.",
    "The SI CSW 56 statement: frequently asked questions": "La déclaration de SI à la CSW 56 : questions fréquentes",
    "Explanations of some of the language used in the statement.":
        "Explications de certains termes employés dans la déclaration.",
    "What are \"agreed conclusions\"?": "Que sont les « conclusions concertées » ?",
    "The text that member states negotiate and adopt at the end of each Commission on the Status of Women. In 2012 none was adopted.":
        "Le texte que les États membres négocient et adoptent à la fin de chaque Commission de la condition de la femme. En 2012, aucun n'a été adopté.",
    "What does \"traditional values\" mean here?": "Que signifient ici les « valeurs traditionnelles » ?",
    "Some governments argued that traditional values should limit women's rights. The statement answers that human rights are universal and cannot be set aside in the name of tradition.":
        "Certains gouvernements ont soutenu que les valeurs traditionnelles devaient limiter les droits des femmes. La déclaration répond que les droits humains sont universels et ne peuvent être écartés au nom de la tradition.",
    "What is \"gender mainstreaming\"?": "Qu'est-ce que l'« intégration de l'égalité des sexes » ?",
    "Assessing how every policy affects women and men, so that equality is part of all government work rather than a separate programme.":
        "Évaluer l'effet de chaque politique sur les femmes et les hommes, pour que l'égalité fasse partie de toute l'action publique plutôt que d'un programme à part.",
    "Who is responsible for women's and gender issues in your country?":
        "Qui est responsable des questions de femmes et d'égalité des sexes dans votre pays ?",
    "Choose your country to see the member of government responsible for gender or women's issues. The people listed in this demo are fictional.":
        "Choisissez votre pays pour voir le membre du gouvernement chargé de l'égalité des sexes ou des droits des femmes. Les personnes de cette démonstration sont fictives.",
    "Post CSW Advocacy Action Kit": "Kit d'action de plaidoyer après la CSW",
    "The 56th Session of the UN Commission on the Status of Women failed to adopt agreed conclusions. As a result, Soroptimist International, together with partner women's rights organisations, signed a statement to discourage any re-opening of negotiations on the already established international agreements on women's rights.":
        "La 56e session de la Commission de la condition de la femme des Nations unies n'a pas adopté de conclusions concertées. Soroptimist International a donc signé, avec des organisations partenaires de défense des droits des femmes, une déclaration pour décourager toute réouverture des négociations sur les accords internationaux déjà établis en matière de droits des femmes.",
    "Collectively, we called on all governments to demonstrate their commitments to promote, protect and fulfil the human rights and fundamental freedoms of women.":
        "Ensemble, nous avons appelé tous les gouvernements à démontrer leur engagement à promouvoir, protéger et réaliser les droits humains et les libertés fondamentales des femmes.",
    "Soroptimist International now wants to take our concerns and CSW 56 policy recommendations to leaders in all 125 Soroptimist countries, but to do this, we need your help! We have prepared an advocacy letter which we ask Soroptimists around the world to send to their decision makers responsible for gender or women's issues within Government.":
        "Soroptimist International veut maintenant porter nos préoccupations et nos recommandations de la CSW 56 auprès des dirigeants des 125 pays soroptimistes, et pour cela nous avons besoin de vous ! Nous avons préparé une lettre de plaidoyer que nous demandons aux soroptimistes du monde entier d'envoyer aux responsables gouvernementaux de l'égalité des sexes ou des droits des femmes.",
    "While the debate is still going on, we need to take this opportunity to remind our leaders of their responsibilities towards women all over the world, to share once again the policy recommendations forwarded by SI at the 56th Commission on the Status of Women, and to urge global leaders to stand up for the fundamental freedoms of women worldwide.":
        "Tant que le débat se poursuit, saisissons l'occasion de rappeler à nos dirigeants leurs responsabilités envers les femmes du monde entier, de partager à nouveau les recommandations présentées par SI à la 56e Commission de la condition de la femme, et d'exhorter les dirigeants à défendre les libertés fondamentales des femmes partout dans le monde.",
    "Statements and the letter": "Les déclarations et la lettre",
    "Who is responsible in your country?": "Qui est responsable dans votre pays ?",
    "Find the member of government responsible for gender and/or women in your country.":
        "Trouvez le membre du gouvernement chargé de l'égalité des sexes et/ou des femmes dans votre pays.",
    "Write to your decision maker": "Écrivez à votre décideur",
    "Fill in your details: we prepare the advocacy letter addressed to your country's decision maker, ready to sign and send.":
        "Indiquez vos coordonnées : nous préparons la lettre de plaidoyer adressée au décideur de votre pays, prête à signer et à envoyer.",
    "I am writing to you as a member of {{ member.club }}, a club of Soroptimist International, a global volunteer movement working to transform the lives and status of women and girls.":
        "Je vous écris en tant que membre du {{ member.club }}, un club de Soroptimist International, mouvement mondial de bénévoles qui œuvre à transformer la vie et la condition des femmes et des filles.",
    "The 56th Session of the UN Commission on the Status of Women closed without agreed conclusions. We urge you to uphold the international agreements on women's rights already established, and to resist any attempt to re-open their negotiation.":
        "La 56e session de la Commission de la condition de la femme des Nations unies s'est close sans conclusions concertées. Nous vous prions instamment de défendre les accords internationaux déjà établis sur les droits des femmes et de vous opposer à toute tentative d'en rouvrir la négociation.",
    "We ask your Government to demonstrate its commitment to promote, protect and fulfil the human rights and fundamental freedoms of women, and to act on the policy recommendations Soroptimist International put forward at the 56th Commission on the Status of Women.":
        "Nous demandons à votre gouvernement de démontrer son engagement à promouvoir, protéger et réaliser les droits humains et les libertés fondamentales des femmes, et de donner suite aux recommandations présentées par Soroptimist International à la 56e session de la Commission de la condition de la femme.",
    "Upholding women's rights after the 56th Commission on the Status of Women":
        "Défendre les droits des femmes après la 56e session de la Commission de la condition de la femme",
    "I would welcome the opportunity to hear how your office intends to take these recommendations forward.":
        "Je serais heureuse d'apprendre comment vos services entendent donner suite à ces recommandations.",
    "Dear Minister": "Madame la Ministre, Monsieur le Ministre",
    "The Minister responsible for women's and gender equality": "Le ministre chargé des droits des femmes et de l'égalité",
    "Questions": "Questions",
    "Who should receive the letter?": "Qui doit recevoir la lettre ?",
    "The member of government responsible for gender or women's issues in your country: the directory on this page lists who that is, as far as we know.":
        "Le membre du gouvernement chargé de l'égalité des sexes ou des droits des femmes dans votre pays : l'annuaire de cette page indique qui c'est, à notre connaissance.",
    "Can I change the letter?": "Puis-je modifier la lettre ?",
    "Yes. The letter arrives as a Word document: adapt it to your country before you sign it.":
        "Oui. La lettre est un document Word : adaptez-la à votre pays avant de la signer.",
    "What do I do once I have sent it?": "Que faire une fois la lettre envoyée ?",
    "Report your action and any response received, so that Soroptimist International can follow up at the United Nations.":
        "Signalez votre action et toute réponse reçue, afin que Soroptimist International puisse assurer le suivi aux Nations unies.",
    "Share this request with your clubs": "Partagez cet appel avec vos clubs",
    "Soroptimists are asking leaders to stand up for the human rights of women. Send the CSW 56 advocacy letter to your government:":
        "Les soroptimistes demandent aux dirigeants de défendre les droits humains des femmes. Envoyez la lettre de plaidoyer de la CSW 56 à votre gouvernement :",
    "CSW news since the close of the session": "Actualités de la CSW depuis la clôture de la session",
    "Soroptimist International Addresses CSW 56": "Soroptimist International s'adresse à la CSW 56",
    "Soroptimist International's Message to CSW 56": "Le message de Soroptimist International à la CSW 56",
    "Women's Organisations Say No to Safeguarding Traditional Values at the Expense of Human Rights":
        "Les organisations de femmes refusent de préserver les valeurs traditionnelles aux dépens des droits humains",
    "We look forward to hearing about your action!": "Nous avons hâte d'entendre parler de votre action !",
    "What members have done so far": "Ce que les membres ont déjà fait",
    "Soroptimist International uses your report to follow up this campaign with governments and at the United Nations. Your name, email and notes are seen only by the advocacy team and are erased after one year; figures per country are published without names.":
        "Soroptimist International utilise votre compte rendu pour suivre cette campagne auprès des gouvernements et aux Nations unies. Votre nom, votre e-mail et vos notes ne sont vus que par l'équipe de plaidoyer et sont effacés après un an ; les chiffres par pays sont publiés sans nom.",
    # Decision makers: posts and organisations are translated, names never.
    "Minister for Women and Equalities": "Ministre des Femmes et de l'Égalité",
    "Government Equalities Office": "Bureau gouvernemental de l'égalité",
    "Cabinet Secretary for Gender and Affirmative Action": "Secrétaire de cabinet chargée du Genre et de l'Action positive",
    "Ministry of Gender, Culture and Children Services": "Ministère du Genre, de la Culture et des Services à l'enfance",
    "Minister of Women Affairs": "Ministre des Affaires féminines",
    "Federal Ministry of Women Affairs": "Ministère fédéral des Affaires féminines",
    "Minister of Women": "Ministre des Femmes",
    "Ministry of Women": "Ministère des Femmes",
    "Secretary of Women": "Secrétaire aux Femmes",
    "Secretariat of Women": "Secrétariat aux Femmes",
    "Minister of Women and Child Development": "Ministre du Développement des femmes et des enfants",
    "Ministry of Women and Child Development": "Ministère du Développement des femmes et des enfants",
    "Minister for Women": "Ministre des Femmes",
    "Office for Women": "Bureau des Femmes",
    "Minister for Foreign Affairs": "Ministre des Affaires étrangères",
    "Department of Foreign Affairs and Trade": "Ministère des Affaires étrangères et du Commerce",
    "Minister of Social Development, Chair of the Ministerial Committee for Women's Empowerment":
        "Ministre du Développement social, présidente du Comité ministériel pour l'autonomisation des femmes",
    "Ministry of Social Development": "Ministère du Développement social",
    "Dear Cabinet Secretary": "Madame la Secrétaire de cabinet",
    "Dear Honourable Minister": "Madame la Ministre",
    "Dear Secretary": "Madame la Secrétaire",
    "Soroptimist International": "Soroptimist International",
    # Decision makers whose source entry is in their own language.
    "Estimada Ministra": "Madame la Ministre",
    "Ministra de Igualdad": "Ministre de l'Égalité",
    "Ministerio de Igualdad": "Ministère de l'Égalité",
    "Excelentíssima Senhora Ministra": "Madame la Ministre",
    "Estimada Secretaria": "Madame la Secrétaire",
    "CSW 56 advocacy letter": "Lettre de plaidoyer CSW 56",
}

ES = {
    "Soroptimist International (example)": "Soroptimist International (ejemplo)",
    "An example site of soroptimist-advocacy. Its campaign is sample data.":
        "Un sitio de ejemplo de soroptimist-advocacy. Su campaña es de demostración.",
    "Project Tools and Resources": "Herramientas y recursos del proyecto",
    "Statements, letters and explanations for Soroptimist advocacy.":
        "Declaraciones, cartas y explicaciones para la incidencia soroptimista.",
    "SI CSW 56 Statement, November 2011": "Declaración de SI ante la CSW 56, noviembre de 2011",
    "Soroptimist International's written statement to the 56th Commission on the Status of Women.":
        "La declaración escrita de Soroptimist International ante la 56.ª Comisión de la Condición Jurídica y Social de la Mujer.",
    "Joint Statement on the Outcomes of CSW, April 2012": "Declaración conjunta sobre los resultados de la CSW, abril de 2012",
    "The statement Soroptimist International supported with partner women's rights organisations.":
        "La declaración que Soroptimist International apoyó junto con organizaciones aliadas por los derechos de las mujeres.",
    "Post Session Advocacy Letter 2012": "Carta de incidencia posterior a la sesión 2012",
    "The advocacy letter as a Word document, to complete by hand if you prefer.":
        "La carta de incidencia en formato Word, para completarla a mano si lo prefiere.",
    "The SI CSW 56 statement: frequently asked questions": "La declaración de SI ante la CSW 56: preguntas frecuentes",
    "Explanations of some of the language used in the statement.":
        "Explicaciones de algunos términos usados en la declaración.",
    "What are \"agreed conclusions\"?": "¿Qué son las «conclusiones convenidas»?",
    "The text that member states negotiate and adopt at the end of each Commission on the Status of Women. In 2012 none was adopted.":
        "El texto que los Estados miembros negocian y aprueban al final de cada Comisión de la Condición Jurídica y Social de la Mujer. En 2012 no se aprobó ninguno.",
    "What does \"traditional values\" mean here?": "¿Qué significan aquí los «valores tradicionales»?",
    "Some governments argued that traditional values should limit women's rights. The statement answers that human rights are universal and cannot be set aside in the name of tradition.":
        "Algunos gobiernos sostuvieron que los valores tradicionales debían limitar los derechos de las mujeres. La declaración responde que los derechos humanos son universales y no pueden dejarse de lado en nombre de la tradición.",
    "What is \"gender mainstreaming\"?": "¿Qué es la «transversalización de la perspectiva de género»?",
    "Assessing how every policy affects women and men, so that equality is part of all government work rather than a separate programme.":
        "Evaluar cómo afecta cada política a mujeres y hombres, para que la igualdad forme parte de toda la acción de gobierno y no sea un programa aparte.",
    "Who is responsible for women's and gender issues in your country?":
        "¿Quién es responsable de los asuntos de la mujer y de igualdad de género en su país?",
    "Choose your country to see the member of government responsible for gender or women's issues. The people listed in this demo are fictional.":
        "Elija su país para ver qué miembro del gobierno se ocupa de la igualdad de género o de los asuntos de la mujer. Las personas de esta demostración son ficticias.",
    "Post CSW Advocacy Action Kit": "Kit de acción de incidencia posterior a la CSW",
    "The 56th Session of the UN Commission on the Status of Women failed to adopt agreed conclusions. As a result, Soroptimist International, together with partner women's rights organisations, signed a statement to discourage any re-opening of negotiations on the already established international agreements on women's rights.":
        "La 56.ª sesión de la Comisión de la Condición Jurídica y Social de la Mujer de las Naciones Unidas no logró aprobar conclusiones convenidas. Por ello, Soroptimist International firmó, junto con organizaciones aliadas por los derechos de las mujeres, una declaración para desalentar cualquier reapertura de las negociaciones sobre los acuerdos internacionales ya establecidos en materia de derechos de las mujeres.",
    "Collectively, we called on all governments to demonstrate their commitments to promote, protect and fulfil the human rights and fundamental freedoms of women.":
        "Juntas, pedimos a todos los gobiernos que demuestren su compromiso de promover, proteger y hacer efectivos los derechos humanos y las libertades fundamentales de las mujeres.",
    "Soroptimist International now wants to take our concerns and CSW 56 policy recommendations to leaders in all 125 Soroptimist countries, but to do this, we need your help! We have prepared an advocacy letter which we ask Soroptimists around the world to send to their decision makers responsible for gender or women's issues within Government.":
        "Soroptimist International quiere llevar ahora nuestras preocupaciones y recomendaciones de la CSW 56 a los líderes de los 125 países soroptimistas, ¡y para ello necesitamos su ayuda! Hemos preparado una carta de incidencia que pedimos a las soroptimistas de todo el mundo que envíen a los responsables gubernamentales de igualdad de género o de asuntos de la mujer.",
    "While the debate is still going on, we need to take this opportunity to remind our leaders of their responsibilities towards women all over the world, to share once again the policy recommendations forwarded by SI at the 56th Commission on the Status of Women, and to urge global leaders to stand up for the fundamental freedoms of women worldwide.":
        "Mientras el debate continúa, aprovechemos la oportunidad para recordar a nuestros líderes sus responsabilidades con las mujeres de todo el mundo, compartir de nuevo las recomendaciones presentadas por SI en la 56.ª Comisión y exhortar a los líderes mundiales a defender las libertades fundamentales de las mujeres en todas partes.",
    "Statements and the letter": "Las declaraciones y la carta",
    "Who is responsible in your country?": "¿Quién es responsable en su país?",
    "Find the member of government responsible for gender and/or women in your country.":
        "Encuentre al miembro del gobierno responsable de igualdad de género o de asuntos de la mujer en su país.",
    "Write to your decision maker": "Escriba a su responsable político",
    "Fill in your details: we prepare the advocacy letter addressed to your country's decision maker, ready to sign and send.":
        "Complete sus datos: preparamos la carta de incidencia dirigida al responsable de su país, lista para firmar y enviar.",
    "I am writing to you as a member of {{ member.club }}, a club of Soroptimist International, a global volunteer movement working to transform the lives and status of women and girls.":
        "Le escribo como socia de {{ member.club }}, un club de Soroptimist International, movimiento mundial de voluntarias que trabaja para transformar la vida y la condición de las mujeres y las niñas.",
    "The 56th Session of the UN Commission on the Status of Women closed without agreed conclusions. We urge you to uphold the international agreements on women's rights already established, and to resist any attempt to re-open their negotiation.":
        "La 56.ª sesión de la Comisión de la Condición Jurídica y Social de la Mujer de las Naciones Unidas concluyó sin conclusiones convenidas. Le instamos a defender los acuerdos internacionales ya establecidos sobre los derechos de las mujeres y a oponerse a cualquier intento de reabrir su negociación.",
    "We ask your Government to demonstrate its commitment to promote, protect and fulfil the human rights and fundamental freedoms of women, and to act on the policy recommendations Soroptimist International put forward at the 56th Commission on the Status of Women.":
        "Pedimos a su Gobierno que demuestre su compromiso de promover, proteger y hacer efectivos los derechos humanos y las libertades fundamentales de las mujeres, y que dé curso a las recomendaciones que Soroptimist International presentó en el 56.º período de sesiones de la Comisión de la Condición Jurídica y Social de la Mujer.",
    "Upholding women's rights after the 56th Commission on the Status of Women":
        "Defender los derechos de las mujeres tras el 56.º período de sesiones de la Comisión de la Condición Jurídica y Social de la Mujer",
    "I would welcome the opportunity to hear how your office intends to take these recommendations forward.":
        "Me gustaría saber cómo piensa su despacho dar seguimiento a estas recomendaciones.",
    "Dear Minister": "Estimada ministra, estimado ministro",
    "The Minister responsible for women's and gender equality": "El ministerio responsable de la mujer y la igualdad de género",
    "Questions": "Preguntas",
    "Who should receive the letter?": "¿Quién debe recibir la carta?",
    "The member of government responsible for gender or women's issues in your country: the directory on this page lists who that is, as far as we know.":
        "El miembro del gobierno responsable de igualdad de género o de asuntos de la mujer en su país: el directorio de esta página indica quién es, según nuestros datos.",
    "Can I change the letter?": "¿Puedo modificar la carta?",
    "Yes. The letter arrives as a Word document: adapt it to your country before you sign it.":
        "Sí. La carta es un documento Word: adáptela a su país antes de firmarla.",
    "What do I do once I have sent it?": "¿Qué hago después de enviarla?",
    "Report your action and any response received, so that Soroptimist International can follow up at the United Nations.":
        "Informe de su acción y de cualquier respuesta recibida, para que Soroptimist International pueda hacer el seguimiento en las Naciones Unidas.",
    "Share this request with your clubs": "Comparta este llamamiento con sus clubes",
    "Soroptimists are asking leaders to stand up for the human rights of women. Send the CSW 56 advocacy letter to your government:":
        "Las soroptimistas piden a los líderes que defiendan los derechos humanos de las mujeres. Envíe la carta de incidencia de la CSW 56 a su gobierno:",
    "CSW news since the close of the session": "Noticias de la CSW desde el cierre de la sesión",
    "Soroptimist International Addresses CSW 56": "Soroptimist International interviene en la CSW 56",
    "Soroptimist International's Message to CSW 56": "El mensaje de Soroptimist International a la CSW 56",
    "Women's Organisations Say No to Safeguarding Traditional Values at the Expense of Human Rights":
        "Las organizaciones de mujeres dicen no a preservar los valores tradicionales a costa de los derechos humanos",
    "We look forward to hearing about your action!": "¡Esperamos conocer su acción!",
    "What members have done so far": "Lo que las socias ya han hecho",
    "Soroptimist International uses your report to follow up this campaign with governments and at the United Nations. Your name, email and notes are seen only by the advocacy team and are erased after one year; figures per country are published without names.":
        "Soroptimist International utiliza su informe para dar seguimiento a esta campaña ante los gobiernos y en las Naciones Unidas. Su nombre, correo electrónico y notas solo los ve el equipo de incidencia y se borran al cabo de un año; las cifras por país se publican sin nombres.",
    "Minister for Women and Equalities": "Ministra de la Mujer y la Igualdad",
    "Government Equalities Office": "Oficina Gubernamental de Igualdad",
    "Cabinet Secretary for Gender and Affirmative Action": "Secretaria de Gabinete de Género y Acción Afirmativa",
    "Ministry of Gender, Culture and Children Services": "Ministerio de Género, Cultura y Servicios a la Infancia",
    "Minister of Women Affairs": "Ministra de Asuntos de la Mujer",
    "Federal Ministry of Women Affairs": "Ministerio Federal de Asuntos de la Mujer",
    "Minister of Women": "Ministra de las Mujeres",
    "Ministry of Women": "Ministerio de las Mujeres",
    "Secretary of Women": "Secretaria de las Mujeres",
    "Secretariat of Women": "Secretaría de las Mujeres",
    "Minister of Women and Child Development": "Ministra de Desarrollo de la Mujer y la Infancia",
    "Ministry of Women and Child Development": "Ministerio de Desarrollo de la Mujer y la Infancia",
    "Minister for Women": "Ministra de la Mujer",
    "Office for Women": "Oficina de la Mujer",
    "Minister for Foreign Affairs": "Ministro de Asuntos Exteriores",
    "Department of Foreign Affairs and Trade": "Departamento de Asuntos Exteriores y Comercio",
    "Minister of Social Development, Chair of the Ministerial Committee for Women's Empowerment":
        "Ministra de Desarrollo Social, presidenta del Comité Ministerial para el Empoderamiento de la Mujer",
    "Ministry of Social Development": "Ministerio de Desarrollo Social",
    "Dear Cabinet Secretary": "Estimada Secretaria de Gabinete",
    "Dear Honourable Minister": "Honorable Ministra",
    "Dear Secretary": "Estimada Secretaria",
    "Soroptimist International": "Soroptimist International",
    # Decision makers whose source entry is in their own language.
    "Madame la Ministre": "Estimada Ministra",
    "Ministre chargée de l'Égalité entre les femmes et les hommes": "Ministra de Igualdad entre Mujeres y Hombres",
    "Ministère de l'Égalité": "Ministerio de Igualdad",
    "Excelentíssima Senhora Ministra": "Estimada Ministra",
    "CSW 56 advocacy letter": "Carta de incidencia CSW 56",
}

from .translations_un import AR, RU, ZH_HANS  # noqa: E402, F401  (Arabic, Chinese, Russian)
