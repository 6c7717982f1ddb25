"""Arabic, Chinese (Simplified) and Russian text of the demo campaign, keyed by the English
source segment, as a translator would enter it in wagtail-localize. The letter is written
as a member would write to a minister in each language; UN bodies carry their official
names in that language (لجنة وضع المرأة, 妇女地位委员会, Комиссия по положению женщин)."""

# Decision makers whose salutation and post the English source holds in their own
# language (France, Spain, Brazil, Mexico): translated like the others.
_LOCAL_SOURCE = (
    "Madame la Ministre",
    "Ministre chargée de l'Égalité entre les femmes et les hommes",
    "Ministère de l'Égalité",
    "Estimada Ministra",
    "Ministra de Igualdad",
    "Ministerio de Igualdad",
    "Excelentíssima Senhora Ministra",
    "Estimada Secretaria",
)

AR = {
    "Soroptimist International (example)": "منظمة سوروبتيمست الدولية (موقع تجريبي)",
    "An example site of soroptimist-advocacy. Its campaign is sample data.":
        "موقع تجريبي لتطبيق soroptimist-advocacy. حملته بيانات للعرض فقط.",
    "Project Tools and Resources": "أدوات المشروع وموارده",
    "Statements, letters and explanations for Soroptimist advocacy.":
        "بيانات ورسائل وشروح لأعمال المناصرة التي تقوم بها منظمة سوروبتيمست.",
    "SI CSW 56 Statement, November 2011": "بيان سوروبتيمست الدولية إلى الدورة السادسة والخمسين للجنة وضع المرأة، نوفمبر 2011",
    "Soroptimist International's written statement to the 56th Commission on the Status of Women.":
        "البيان المكتوب الذي قدّمته منظمة سوروبتيمست الدولية إلى الدورة السادسة والخمسين للجنة وضع المرأة.",
    "Joint Statement on the Outcomes of CSW, April 2012": "بيان مشترك بشأن نتائج لجنة وضع المرأة، أبريل 2012",
    "The statement Soroptimist International supported with partner women's rights organisations.":
        "البيان الذي أيّدته منظمة سوروبتيمست الدولية مع منظمات شريكة تعمل من أجل حقوق المرأة.",
    "Post Session Advocacy Letter 2012": "رسالة المناصرة بعد الدورة، 2012",
    "The advocacy letter as a Word document, to complete by hand if you prefer.":
        "رسالة المناصرة بصيغة مستند Word، لإكمالها يدوياً إن شئتِ.",
    "The SI CSW 56 statement: frequently asked questions": "بيان سوروبتيمست الدولية إلى الدورة السادسة والخمسين: أسئلة شائعة",
    "Explanations of some of the language used in the statement.": "شرح لبعض المصطلحات الواردة في البيان.",
    "What are \"agreed conclusions\"?": "ما المقصود بـ«الاستنتاجات المتفق عليها»؟",
    "The text that member states negotiate and adopt at the end of each Commission on the Status of Women. In 2012 none was adopted.":
        "هي النص الذي تتفاوض عليه الدول الأعضاء وتعتمده في ختام كل دورة من دورات لجنة وضع المرأة. ولم يُعتمد أي نص منها في عام 2012.",
    "What does \"traditional values\" mean here?": "ما معنى «القيم التقليدية» هنا؟",
    "Some governments argued that traditional values should limit women's rights. The statement answers that human rights are universal and cannot be set aside in the name of tradition.":
        "احتجّت بعض الحكومات بأن القيم التقليدية ينبغي أن تقيّد حقوق المرأة. ويردّ البيان بأن حقوق الإنسان عالمية ولا يجوز تنحيتها باسم التقاليد.",
    "What is \"gender mainstreaming\"?": "ما هو «تعميم مراعاة المنظور الجنساني»؟",
    "Assessing how every policy affects women and men, so that equality is part of all government work rather than a separate programme.":
        "تقييم أثر كل سياسة على النساء والرجال، بحيث تصبح المساواة جزءاً من العمل الحكومي كله لا برنامجاً منفصلاً.",
    "Who is responsible for women's and gender issues in your country?":
        "من المسؤول عن قضايا المرأة والمساواة بين الجنسين في بلدك؟",
    "Choose your country to see the member of government responsible for gender or women's issues. The people listed in this demo are fictional.":
        "اختاري بلدك لمعرفة عضو الحكومة المسؤول عن قضايا المرأة أو المساواة بين الجنسين. الأشخاص المذكورون في هذا العرض التجريبي خياليون.",
    "Post CSW Advocacy Action Kit": "مجموعة أدوات المناصرة بعد دورة لجنة وضع المرأة",
    "The 56th Session of the UN Commission on the Status of Women failed to adopt agreed conclusions. As a result, Soroptimist International, together with partner women's rights organisations, signed a statement to discourage any re-opening of negotiations on the already established international agreements on women's rights.":
        "لم تتمكن الدورة السادسة والخمسون للجنة وضع المرأة التابعة للأمم المتحدة من اعتماد استنتاجات متفق عليها. ولذلك وقّعت منظمة سوروبتيمست الدولية، مع منظمات شريكة تعمل من أجل حقوق المرأة، بياناً يحذّر من أي إعادة فتح للمفاوضات بشأن الاتفاقات الدولية القائمة في مجال حقوق المرأة.",
    "Collectively, we called on all governments to demonstrate their commitments to promote, protect and fulfil the human rights and fundamental freedoms of women.":
        "ودعونا معاً جميع الحكومات إلى إثبات التزامها بتعزيز حقوق الإنسان والحريات الأساسية للمرأة وحمايتها وإعمالها.",
    "Soroptimist International now wants to take our concerns and CSW 56 policy recommendations to leaders in all 125 Soroptimist countries, but to do this, we need your help! We have prepared an advocacy letter which we ask Soroptimists around the world to send to their decision makers responsible for gender or women's issues within Government.":
        "وتريد منظمة سوروبتيمست الدولية الآن أن تنقل شواغلنا وتوصياتنا بشأن السياسات المقدَّمة إلى الدورة السادسة والخمسين إلى القادة في البلدان الـ125 التي توجد فيها المنظمة، ونحتاج إلى مساعدتكِ لتحقيق ذلك! فقد أعددنا رسالة مناصرة نطلب من عضوات سوروبتيمست في أنحاء العالم إرسالها إلى صانعي القرار المسؤولين عن قضايا المرأة أو المساواة بين الجنسين في حكوماتهن.",
    "While the debate is still going on, we need to take this opportunity to remind our leaders of their responsibilities towards women all over the world, to share once again the policy recommendations forwarded by SI at the 56th Commission on the Status of Women, and to urge global leaders to stand up for the fundamental freedoms of women worldwide.":
        "وما دام النقاش مستمراً، علينا أن نغتنم هذه الفرصة لنذكّر قادتنا بمسؤولياتهم تجاه النساء في كل مكان، ولنعرض من جديد التوصيات التي قدّمتها المنظمة إلى الدورة السادسة والخمسين للجنة وضع المرأة، ولنحثّ قادة العالم على الدفاع عن الحريات الأساسية للمرأة في العالم أجمع.",
    "Statements and the letter": "البيانات والرسالة",
    "Who is responsible in your country?": "من المسؤول في بلدك؟",
    "Find the member of government responsible for gender and/or women in your country.":
        "اعرفي عضو الحكومة المسؤول عن المساواة بين الجنسين و/أو شؤون المرأة في بلدك.",
    "Write to your decision maker": "اكتبي إلى صانع القرار في بلدك",
    "Fill in your details: we prepare the advocacy letter addressed to your country's decision maker, ready to sign and send.":
        "أدخلي بياناتك، فنُعدّ لكِ رسالة المناصرة موجّهة إلى صانع القرار في بلدك، جاهزة للتوقيع والإرسال.",
    # The letter: written by a member to a minister, in the plural of respect.
    "Upholding women's rights after the 56th Commission on the Status of Women":
        "صون حقوق المرأة بعد الدورة السادسة والخمسين للجنة وضع المرأة",
    "I am writing to you as a member of {{ member.club }}, a club of Soroptimist International, a global volunteer movement working to transform the lives and status of women and girls.":
        "أكتب إليكم بصفتي عضوة في {{ member.club }}، وهو أحد أندية منظمة سوروبتيمست الدولية، الحركة التطوعية العالمية التي تعمل على تغيير حياة النساء والفتيات والنهوض بأوضاعهن.",
    "The 56th Session of the UN Commission on the Status of Women closed without agreed conclusions. We urge you to uphold the international agreements on women's rights already established, and to resist any attempt to re-open their negotiation.":
        "لقد اختُتمت الدورة السادسة والخمسون للجنة وضع المرأة التابعة للأمم المتحدة دون اعتماد استنتاجات متفق عليها. ونناشدكم التمسك بالاتفاقات الدولية القائمة بشأن حقوق المرأة، والتصدي لأي محاولة لإعادة التفاوض عليها.",
    "We ask your Government to demonstrate its commitment to promote, protect and fulfil the human rights and fundamental freedoms of women, and to act on the policy recommendations Soroptimist International put forward at the 56th Commission on the Status of Women.":
        "ونطلب إلى حكومتكم أن تبرهن على التزامها بتعزيز حقوق الإنسان والحريات الأساسية للمرأة وحمايتها وإعمالها، وأن تعمل بالتوصيات التي قدّمتها منظمة سوروبتيمست الدولية إلى الدورة السادسة والخمسين للجنة وضع المرأة.",
    "I would welcome the opportunity to hear how your office intends to take these recommendations forward.":
        "ويسعدني أن أطّلع على الخطوات التي تعتزم وزارتكم اتخاذها لتنفيذ هذه التوصيات.",
    "Dear Minister": "معالي الوزير المحترم",
    "The Minister responsible for women's and gender equality": "الوزير المسؤول عن شؤون المرأة والمساواة بين الجنسين",
    "Questions": "أسئلة",
    "Who should receive the letter?": "إلى من تُرسل الرسالة؟",
    "The member of government responsible for gender or women's issues in your country: the directory on this page lists who that is, as far as we know.":
        "إلى عضو الحكومة المسؤول عن قضايا المرأة أو المساواة بين الجنسين في بلدك، ويبيّن الدليل في هذه الصفحة من هو بحسب ما نعلم.",
    "Can I change the letter?": "هل يمكنني تعديل الرسالة؟",
    "Yes. The letter arrives as a Word document: adapt it to your country before you sign it.":
        "نعم. تصلكِ الرسالة مستندَ Word، فكيّفيها مع أوضاع بلدك قبل توقيعها.",
    "What do I do once I have sent it?": "ماذا أفعل بعد إرسالها؟",
    "Report your action and any response received, so that Soroptimist International can follow up at the United Nations.":
        "أبلغينا بما قمتِ به وبأي رد تتلقينه، لتتمكن منظمة سوروبتيمست الدولية من المتابعة في الأمم المتحدة.",
    "Share this request with your clubs": "شاركي هذه الدعوة مع ناديكِ والأندية الأخرى",
    "Soroptimists are asking leaders to stand up for the human rights of women. Send the CSW 56 advocacy letter to your government:":
        "تطالب عضوات سوروبتيمست القادة بالدفاع عن حقوق الإنسان للمرأة. أرسلي رسالة المناصرة الخاصة بالدورة السادسة والخمسين إلى حكومتك:",
    "CSW news since the close of the session": "أخبار لجنة وضع المرأة منذ اختتام الدورة",
    "Soroptimist International Addresses CSW 56": "منظمة سوروبتيمست الدولية تخاطب الدورة السادسة والخمسين للجنة وضع المرأة",
    "Soroptimist International's Message to CSW 56": "رسالة منظمة سوروبتيمست الدولية إلى الدورة السادسة والخمسين",
    "Women's Organisations Say No to Safeguarding Traditional Values at the Expense of Human Rights":
        "المنظمات النسائية ترفض صون القيم التقليدية على حساب حقوق الإنسان",
    "We look forward to hearing about your action!": "نتطلع إلى معرفة ما قمتِ به!",
    "What members have done so far": "ما أنجزته العضوات حتى الآن",
    "Soroptimist International uses your report to follow up this campaign with governments and at the United Nations. Your name, email and notes are seen only by the advocacy team and are erased after one year; figures per country are published without names.":
        "تستخدم منظمة سوروبتيمست الدولية تقريرك لمتابعة هذه الحملة مع الحكومات وفي الأمم المتحدة. لا يطّلع على اسمك وبريدك الإلكتروني وملاحظاتك إلا فريق المناصرة، وتُحذف بعد سنة واحدة؛ أما الأرقام الخاصة بكل بلد فتُنشر دون أسماء.",
    "Minister for Women and Equalities": "وزيرة شؤون المرأة والمساواة",
    "Government Equalities Office": "المكتب الحكومي للمساواة",
    "Cabinet Secretary for Gender and Affirmative Action": "وزيرة شؤون النوع الاجتماعي والعمل الإيجابي",
    "Ministry of Gender, Culture and Children Services": "وزارة النوع الاجتماعي والثقافة وخدمات الطفولة",
    "Minister of Women Affairs": "وزيرة شؤون المرأة",
    "Federal Ministry of Women Affairs": "الوزارة الاتحادية لشؤون المرأة",
    "Minister of Women": "وزيرة المرأة",
    "Ministry of Women": "وزارة المرأة",
    "Secretary of Women": "وزيرة المرأة",
    "Secretariat of Women": "أمانة شؤون المرأة",
    "Minister of Women and Child Development": "وزيرة تنمية المرأة والطفل",
    "Ministry of Women and Child Development": "وزارة تنمية المرأة والطفل",
    "Minister for Women": "وزيرة شؤون المرأة",
    "Office for Women": "مكتب شؤون المرأة",
    "Minister for Foreign Affairs": "وزير الخارجية",
    "Department of Foreign Affairs and Trade": "وزارة الخارجية والتجارة",
    "Minister of Social Development, Chair of the Ministerial Committee for Women's Empowerment":
        "وزيرة التنمية الاجتماعية، رئيسة اللجنة الوزارية لتمكين المرأة",
    "Ministry of Social Development": "وزارة التنمية الاجتماعية",
    "Dear Cabinet Secretary": "معالي الوزيرة المحترمة",
    "Dear Honourable Minister": "معالي الوزيرة المحترمة",
    "Dear Secretary": "معالي الوزيرة المحترمة",
    "CSW 56 advocacy letter": "رسالة المناصرة للدورة السادسة والخمسين",
    "Soroptimist International": "منظمة سوروبتيمست الدولية",
    "Madame la Ministre": "معالي الوزيرة المحترمة",
    "Ministre chargée de l'Égalité entre les femmes et les hommes": "الوزيرة المكلفة بالمساواة بين النساء والرجال",
    "Ministère de l'Égalité": "وزارة المساواة",
    "Estimada Ministra": "معالي الوزيرة المحترمة",
    "Ministra de Igualdad": "وزيرة المساواة",
    "Ministerio de Igualdad": "وزارة المساواة",
    "Excelentíssima Senhora Ministra": "معالي الوزيرة المحترمة",
    "Estimada Secretaria": "معالي الوزيرة المحترمة",
}

ZH_HANS = {
    "Soroptimist International (example)": "国际崇德社（示例）",
    "An example site of soroptimist-advocacy. Its campaign is sample data.":
        "soroptimist-advocacy 的示例网站，其中的活动均为示范数据。",
    "Project Tools and Resources": "项目工具与资料",
    "Statements, letters and explanations for Soroptimist advocacy.": "供崇德社开展倡导工作使用的声明、信函和说明。",
    "SI CSW 56 Statement, November 2011": "国际崇德社致妇女地位委员会第五十六届会议的声明（2011年11月）",
    "Soroptimist International's written statement to the 56th Commission on the Status of Women.":
        "国际崇德社向妇女地位委员会第五十六届会议提交的书面声明。",
    "Joint Statement on the Outcomes of CSW, April 2012": "关于妇女地位委员会会议成果的联合声明（2012年4月）",
    "The statement Soroptimist International supported with partner women's rights organisations.":
        "国际崇德社与伙伴妇女权利组织共同支持的声明。",
    "Post Session Advocacy Letter 2012": "2012年会后倡导信",
    "The advocacy letter as a Word document, to complete by hand if you prefer.": "Word 格式的倡导信，您也可以手工填写。",
    "The SI CSW 56 statement: frequently asked questions": "国际崇德社第五十六届会议声明：常见问题",
    "Explanations of some of the language used in the statement.": "对声明中部分用语的解释。",
    "What are \"agreed conclusions\"?": "什么是“商定结论”？",
    "The text that member states negotiate and adopt at the end of each Commission on the Status of Women. In 2012 none was adopted.":
        "商定结论是会员国在每届妇女地位委员会会议结束时谈判并通过的文件。2012年未能通过任何商定结论。",
    "What does \"traditional values\" mean here?": "这里的“传统价值观”指什么？",
    "Some governments argued that traditional values should limit women's rights. The statement answers that human rights are universal and cannot be set aside in the name of tradition.":
        "一些国家政府主张以传统价值观限制妇女权利。声明对此回应：人权具有普遍性，不能以传统为名被搁置。",
    "What is \"gender mainstreaming\"?": "什么是“性别平等主流化”？",
    "Assessing how every policy affects women and men, so that equality is part of all government work rather than a separate programme.":
        "评估每一项政策对妇女和男子的影响，使性别平等贯穿政府的全部工作，而不是一个单独的项目。",
    "Who is responsible for women's and gender issues in your country?": "贵国由谁负责妇女和性别平等事务？",
    "Choose your country to see the member of government responsible for gender or women's issues. The people listed in this demo are fictional.":
        "请选择您所在的国家，查看负责性别平等或妇女事务的政府成员。本演示中列出的人员均为虚构。",
    "Post CSW Advocacy Action Kit": "妇女地位委员会会后倡导行动工具包",
    "The 56th Session of the UN Commission on the Status of Women failed to adopt agreed conclusions. As a result, Soroptimist International, together with partner women's rights organisations, signed a statement to discourage any re-opening of negotiations on the already established international agreements on women's rights.":
        "联合国妇女地位委员会第五十六届会议未能通过商定结论。为此，国际崇德社与伙伴妇女权利组织共同签署了一份声明，反对重新谈判已经确立的妇女权利国际协定。",
    "Collectively, we called on all governments to demonstrate their commitments to promote, protect and fulfil the human rights and fundamental freedoms of women.":
        "我们共同呼吁各国政府切实履行承诺，促进、保护和实现妇女的人权和基本自由。",
    "Soroptimist International now wants to take our concerns and CSW 56 policy recommendations to leaders in all 125 Soroptimist countries, but to do this, we need your help! We have prepared an advocacy letter which we ask Soroptimists around the world to send to their decision makers responsible for gender or women's issues within Government.":
        "国际崇德社希望把我们的关切和在第五十六届会议上提出的政策建议，转达给崇德社所在的全部 125 个国家的领导人，这需要您的帮助！我们准备了一封倡导信，请世界各地的崇德社社员寄给本国政府中负责性别平等或妇女事务的决策者。",
    "While the debate is still going on, we need to take this opportunity to remind our leaders of their responsibilities towards women all over the world, to share once again the policy recommendations forwarded by SI at the 56th Commission on the Status of Women, and to urge global leaders to stand up for the fundamental freedoms of women worldwide.":
        "趁讨论仍在进行，我们要抓住这一机会，提醒各国领导人对全世界妇女肩负的责任，再次介绍国际崇德社在妇女地位委员会第五十六届会议上提出的政策建议，并敦促各国领导人捍卫全世界妇女的基本自由。",
    "Statements and the letter": "声明与倡导信",
    "Who is responsible in your country?": "贵国由谁负责？",
    "Find the member of government responsible for gender and/or women in your country.": "查找贵国负责性别平等和/或妇女事务的政府成员。",
    "Write to your decision maker": "致信决策者",
    "Fill in your details: we prepare the advocacy letter addressed to your country's decision maker, ready to sign and send.":
        "请填写您的信息，我们将为您生成致贵国决策者的倡导信，签名后即可寄出。",
    "Upholding women's rights after the 56th Commission on the Status of Women": "关于妇女地位委员会第五十六届会议之后维护妇女权利的事宜",
    "I am writing to you as a member of {{ member.club }}, a club of Soroptimist International, a global volunteer movement working to transform the lives and status of women and girls.":
        "我是{{ member.club }}的社员，谨致函您。该社隶属于国际崇德社，这是一个致力于改善妇女和女童生活与地位的全球志愿者组织。",
    "The 56th Session of the UN Commission on the Status of Women closed without agreed conclusions. We urge you to uphold the international agreements on women's rights already established, and to resist any attempt to re-open their negotiation.":
        "联合国妇女地位委员会第五十六届会议闭幕时未能通过商定结论。我们恳请您坚持已经确立的妇女权利国际协定，抵制任何重新谈判这些协定的企图。",
    "We ask your Government to demonstrate its commitment to promote, protect and fulfil the human rights and fundamental freedoms of women, and to act on the policy recommendations Soroptimist International put forward at the 56th Commission on the Status of Women.":
        "我们请贵国政府切实表明其促进、保护和实现妇女人权和基本自由的决心，并落实国际崇德社在妇女地位委员会第五十六届会议上提出的政策建议。",
    "I would welcome the opportunity to hear how your office intends to take these recommendations forward.":
        "如能获悉贵部门将如何推进落实上述建议，我将不胜感激。",
    "Dear Minister": "尊敬的部长",
    "The Minister responsible for women's and gender equality": "负责妇女事务和性别平等的部长",
    "Questions": "常见问题",
    "Who should receive the letter?": "这封信应寄给谁？",
    "The member of government responsible for gender or women's issues in your country: the directory on this page lists who that is, as far as we know.":
        "寄给贵国负责性别平等或妇女事务的政府成员。本页的名录列出了我们所知的人选。",
    "Can I change the letter?": "我可以修改这封信吗？",
    "Yes. The letter arrives as a Word document: adapt it to your country before you sign it.":
        "可以。您收到的是 Word 文档，签名前可根据本国情况修改。",
    "What do I do once I have sent it?": "寄出之后我该做什么？",
    "Report your action and any response received, so that Soroptimist International can follow up at the United Nations.":
        "请报告您采取的行动和收到的任何答复，以便国际崇德社在联合国跟进。",
    "Share this request with your clubs": "与您的分社分享这一呼吁",
    "Soroptimists are asking leaders to stand up for the human rights of women. Send the CSW 56 advocacy letter to your government:":
        "崇德社社员正呼吁各国领导人捍卫妇女人权。请把第五十六届会议倡导信寄给您的政府：",
    "CSW news since the close of the session": "会议闭幕以来的妇女地位委员会动态",
    "Soroptimist International Addresses CSW 56": "国际崇德社在妇女地位委员会第五十六届会议上发言",
    "Soroptimist International's Message to CSW 56": "国际崇德社致第五十六届会议的致辞",
    "Women's Organisations Say No to Safeguarding Traditional Values at the Expense of Human Rights":
        "妇女组织反对以牺牲人权为代价维护传统价值观",
    "We look forward to hearing about your action!": "期待听到您的行动消息！",
    "What members have done so far": "社员们已经采取的行动",
    "Soroptimist International uses your report to follow up this campaign with governments and at the United Nations. Your name, email and notes are seen only by the advocacy team and are erased after one year; figures per country are published without names.":
        "国际崇德社将根据您的报告，与各国政府并在联合国跟进本次活动。您的姓名、电子邮箱和备注仅供倡导团队查看，一年后删除；各国的统计数字公开发布时不含姓名。",
    "Minister for Women and Equalities": "妇女与平等事务大臣",
    "Government Equalities Office": "政府平等事务办公室",
    "Cabinet Secretary for Gender and Affirmative Action": "性别与平权行动部长",
    "Ministry of Gender, Culture and Children Services": "性别、文化和儿童服务部",
    "Minister of Women Affairs": "妇女事务部长",
    "Federal Ministry of Women Affairs": "联邦妇女事务部",
    "Minister of Women": "妇女部长",
    "Ministry of Women": "妇女部",
    "Secretary of Women": "妇女部长",
    "Secretariat of Women": "妇女部",
    "Minister of Women and Child Development": "妇女和儿童发展部长",
    "Ministry of Women and Child Development": "妇女和儿童发展部",
    "Minister for Women": "妇女事务部长",
    "Office for Women": "妇女事务办公室",
    "Minister for Foreign Affairs": "外交部长",
    "Department of Foreign Affairs and Trade": "外交贸易部",
    "Minister of Social Development, Chair of the Ministerial Committee for Women's Empowerment":
        "社会发展大臣、增强妇女权能部长级委员会主席",
    "Ministry of Social Development": "社会发展部",
    "Dear Cabinet Secretary": "尊敬的部长",
    "Dear Honourable Minister": "尊敬的部长",
    "Dear Secretary": "尊敬的部长",
    "CSW 56 advocacy letter": "第五十六届会议倡导信",
    "Soroptimist International": "国际崇德社",
    "Madame la Ministre": "尊敬的部长",
    "Ministre chargée de l'Égalité entre les femmes et les hommes": "男女平等事务部长",
    "Ministère de l'Égalité": "平等事务部",
    "Estimada Ministra": "尊敬的部长",
    "Ministra de Igualdad": "平等部长",
    "Ministerio de Igualdad": "平等部",
    "Excelentíssima Senhora Ministra": "尊敬的部长",
    "Estimada Secretaria": "尊敬的部长",
}

RU = {
    "Soroptimist International (example)": "Международная организация «Сороптимист» (пример)",
    "An example site of soroptimist-advocacy. Its campaign is sample data.":
        "Демонстрационный сайт soroptimist-advocacy. Кампания на нём — пример.",
    "Project Tools and Resources": "Инструменты и материалы проекта",
    "Statements, letters and explanations for Soroptimist advocacy.":
        "Заявления, письма и пояснения для правозащитной работы сороптимисток.",
    "SI CSW 56 Statement, November 2011": "Заявление SI к 56-й сессии КПЖ, ноябрь 2011 г.",
    "Soroptimist International's written statement to the 56th Commission on the Status of Women.":
        "Письменное заявление Международной организации «Сороптимист» к 56-й сессии Комиссии по положению женщин.",
    "Joint Statement on the Outcomes of CSW, April 2012": "Совместное заявление об итогах сессии КПЖ, апрель 2012 г.",
    "The statement Soroptimist International supported with partner women's rights organisations.":
        "Заявление, которое Международная организация «Сороптимист» поддержала вместе с партнёрскими организациями, защищающими права женщин.",
    "Post Session Advocacy Letter 2012": "Письмо по итогам сессии, 2012 г.",
    "The advocacy letter as a Word document, to complete by hand if you prefer.":
        "Обращение в формате Word — его можно заполнить и вручную.",
    "The SI CSW 56 statement: frequently asked questions": "Заявление SI к 56-й сессии КПЖ: частые вопросы",
    "Explanations of some of the language used in the statement.": "Пояснения к некоторым формулировкам заявления.",
    "What are \"agreed conclusions\"?": "Что такое «согласованные выводы»?",
    "The text that member states negotiate and adopt at the end of each Commission on the Status of Women. In 2012 none was adopted.":
        "Это документ, который государства-члены согласовывают и принимают в конце каждой сессии Комиссии по положению женщин. В 2012 году такой документ принят не был.",
    "What does \"traditional values\" mean here?": "Что здесь означают «традиционные ценности»?",
    "Some governments argued that traditional values should limit women's rights. The statement answers that human rights are universal and cannot be set aside in the name of tradition.":
        "Некоторые правительства утверждали, что традиционные ценности должны ограничивать права женщин. Заявление отвечает, что права человека универсальны и не могут отменяться во имя традиций.",
    "What is \"gender mainstreaming\"?": "Что такое «учёт гендерной проблематики»?",
    "Assessing how every policy affects women and men, so that equality is part of all government work rather than a separate programme.":
        "Это оценка того, как каждая мера политики влияет на женщин и мужчин, чтобы равенство стало частью всей работы правительства, а не отдельной программой.",
    "Who is responsible for women's and gender issues in your country?":
        "Кто отвечает за вопросы женщин и гендерного равенства в вашей стране?",
    "Choose your country to see the member of government responsible for gender or women's issues. The people listed in this demo are fictional.":
        "Выберите свою страну, чтобы узнать, кто в правительстве отвечает за гендерное равенство или положение женщин. Все люди в этом примере вымышлены.",
    "Post CSW Advocacy Action Kit": "Материалы для правозащитной кампании по итогам сессии КПЖ",
    "The 56th Session of the UN Commission on the Status of Women failed to adopt agreed conclusions. As a result, Soroptimist International, together with partner women's rights organisations, signed a statement to discourage any re-opening of negotiations on the already established international agreements on women's rights.":
        "56-я сессия Комиссии ООН по положению женщин не смогла принять согласованные выводы. Поэтому Международная организация «Сороптимист» вместе с партнёрскими организациями, защищающими права женщин, подписала заявление против любых попыток вновь открыть переговоры по уже заключённым международным соглашениям о правах женщин.",
    "Collectively, we called on all governments to demonstrate their commitments to promote, protect and fulfil the human rights and fundamental freedoms of women.":
        "Вместе мы призвали все правительства подтвердить на деле свою приверженность поощрению, защите и осуществлению прав человека и основных свобод женщин.",
    "Soroptimist International now wants to take our concerns and CSW 56 policy recommendations to leaders in all 125 Soroptimist countries, but to do this, we need your help! We have prepared an advocacy letter which we ask Soroptimists around the world to send to their decision makers responsible for gender or women's issues within Government.":
        "Теперь Международная организация «Сороптимист» хочет донести нашу обеспокоенность и рекомендации 56-й сессии КПЖ до руководителей всех 125 стран, где работают сороптимистки, и для этого нам нужна ваша помощь! Мы подготовили обращение и просим сороптимисток всего мира направить его тем членам правительства, которые отвечают за гендерное равенство или положение женщин.",
    "While the debate is still going on, we need to take this opportunity to remind our leaders of their responsibilities towards women all over the world, to share once again the policy recommendations forwarded by SI at the 56th Commission on the Status of Women, and to urge global leaders to stand up for the fundamental freedoms of women worldwide.":
        "Пока обсуждение продолжается, нужно воспользоваться этой возможностью: напомнить руководителям наших стран об их ответственности перед женщинами всего мира, ещё раз представить рекомендации, которые SI внесла на 56-й сессии Комиссии по положению женщин, и призвать мировых лидеров встать на защиту основных свобод женщин во всём мире.",
    "Statements and the letter": "Заявления и обращение",
    "Who is responsible in your country?": "Кто отвечает за это в вашей стране?",
    "Find the member of government responsible for gender and/or women in your country.":
        "Найдите члена правительства, отвечающего в вашей стране за гендерное равенство и (или) положение женщин.",
    "Write to your decision maker": "Напишите ответственному лицу",
    "Fill in your details: we prepare the advocacy letter addressed to your country's decision maker, ready to sign and send.":
        "Заполните свои данные, и мы подготовим обращение к ответственному лицу в вашей стране — останется подписать и отправить его.",
    "Upholding women's rights after the 56th Commission on the Status of Women":
        "О защите прав женщин по итогам 56-й сессии Комиссии по положению женщин",
    "I am writing to you as a member of {{ member.club }}, a club of Soroptimist International, a global volunteer movement working to transform the lives and status of women and girls.":
        "Обращаюсь к Вам как член клуба «{{ member.club }}», входящего в Международную организацию «Сороптимист» — всемирное добровольческое движение, которое стремится изменить к лучшему жизнь и положение женщин и девочек.",
    "The 56th Session of the UN Commission on the Status of Women closed without agreed conclusions. We urge you to uphold the international agreements on women's rights already established, and to resist any attempt to re-open their negotiation.":
        "56-я сессия Комиссии ООН по положению женщин завершилась, так и не приняв согласованных выводов. Мы настоятельно просим Вас отстаивать уже заключённые международные соглашения о правах женщин и противостоять любым попыткам пересмотреть их.",
    "We ask your Government to demonstrate its commitment to promote, protect and fulfil the human rights and fundamental freedoms of women, and to act on the policy recommendations Soroptimist International put forward at the 56th Commission on the Status of Women.":
        "Мы просим Ваше правительство подтвердить свою приверженность поощрению, защите и осуществлению прав человека и основных свобод женщин и выполнить рекомендации, которые Международная организация «Сороптимист» представила на 56-й сессии Комиссии по положению женщин.",
    "I would welcome the opportunity to hear how your office intends to take these recommendations forward.":
        "Буду признательна, если Вы сообщите, какие шаги Ваше ведомство намерено предпринять для выполнения этих рекомендаций.",
    "Dear Minister": "Уважаемый господин министр",
    "The Minister responsible for women's and gender equality": "Министр, отвечающий за положение женщин и гендерное равенство",
    "Questions": "Вопросы",
    "Who should receive the letter?": "Кому направить обращение?",
    "The member of government responsible for gender or women's issues in your country: the directory on this page lists who that is, as far as we know.":
        "Члену правительства, который отвечает в вашей стране за гендерное равенство или положение женщин. Справочник на этой странице показывает, кто это, насколько нам известно.",
    "Can I change the letter?": "Можно ли изменить текст обращения?",
    "Yes. The letter arrives as a Word document: adapt it to your country before you sign it.":
        "Да. Вы получите документ Word: перед тем как подписать, адаптируйте его к своей стране.",
    "What do I do once I have sent it?": "Что делать после отправки?",
    "Report your action and any response received, so that Soroptimist International can follow up at the United Nations.":
        "Сообщите о своём шаге и о любом полученном ответе, чтобы Международная организация «Сороптимист» могла продолжить работу в ООН.",
    "Share this request with your clubs": "Поделитесь этим призывом со своими клубами",
    "Soroptimists are asking leaders to stand up for the human rights of women. Send the CSW 56 advocacy letter to your government:":
        "Сороптимистки призывают руководителей стран защитить права человека женщин. Отправьте обращение по итогам 56-й сессии КПЖ своему правительству:",
    "CSW news since the close of the session": "Новости КПЖ после завершения сессии",
    "Soroptimist International Addresses CSW 56": "Международная организация «Сороптимист» выступила на 56-й сессии КПЖ",
    "Soroptimist International's Message to CSW 56": "Послание Международной организации «Сороптимист» 56-й сессии КПЖ",
    "Women's Organisations Say No to Safeguarding Traditional Values at the Expense of Human Rights":
        "Женские организации против защиты традиционных ценностей в ущерб правам человека",
    "We look forward to hearing about your action!": "Ждём вестей о ваших действиях!",
    "What members have done so far": "Что уже сделали участницы",
    "Soroptimist International uses your report to follow up this campaign with governments and at the United Nations. Your name, email and notes are seen only by the advocacy team and are erased after one year; figures per country are published without names.":
        "Международная организация «Сороптимист» использует ваш отчёт, чтобы продолжать эту кампанию в работе с правительствами и в ООН. Ваше имя, адрес электронной почты и заметки видит только правозащитная группа, через год они удаляются; данные по странам публикуются без имён.",
    "Minister for Women and Equalities": "Министр по делам женщин и равноправия",
    "Government Equalities Office": "Правительственное управление по вопросам равноправия",
    "Cabinet Secretary for Gender and Affirmative Action": "Министр по гендерным вопросам и позитивным действиям",
    "Ministry of Gender, Culture and Children Services": "Министерство по гендерным вопросам, культуре и делам детей",
    "Minister of Women Affairs": "Министр по делам женщин",
    "Federal Ministry of Women Affairs": "Федеральное министерство по делам женщин",
    "Minister of Women": "Министр по делам женщин",
    "Ministry of Women": "Министерство по делам женщин",
    "Secretary of Women": "Секретарь по делам женщин",
    "Secretariat of Women": "Секретариат по делам женщин",
    "Minister of Women and Child Development": "Министр по вопросам развития женщин и детей",
    "Ministry of Women and Child Development": "Министерство по вопросам развития женщин и детей",
    "Minister for Women": "Министр по делам женщин",
    "Office for Women": "Управление по делам женщин",
    "Minister for Foreign Affairs": "Министр иностранных дел",
    "Department of Foreign Affairs and Trade": "Министерство иностранных дел и торговли",
    "Minister of Social Development, Chair of the Ministerial Committee for Women's Empowerment":
        "Министр социального развития, председатель Министерского комитета по расширению прав и возможностей женщин",
    "Ministry of Social Development": "Министерство социального развития",
    "Dear Cabinet Secretary": "Уважаемая госпожа министр",
    "Dear Honourable Minister": "Уважаемая госпожа министр",
    "Dear Secretary": "Уважаемая госпожа секретарь",
    "CSW 56 advocacy letter": "Обращение по итогам 56-й сессии КПЖ",
    "Soroptimist International": "Международная организация «Сороптимист»",
    "Madame la Ministre": "Уважаемая госпожа министр",
    "Ministre chargée de l'Égalité entre les femmes et les hommes": "Министр по вопросам равенства женщин и мужчин",
    "Ministère de l'Égalité": "Министерство равноправия",
    "Estimada Ministra": "Уважаемая госпожа министр",
    "Ministra de Igualdad": "Министр по вопросам равенства",
    "Ministerio de Igualdad": "Министерство по вопросам равенства",
    "Excelentíssima Senhora Ministra": "Уважаемая госпожа министр",
    "Estimada Secretaria": "Уважаемая госпожа секретарь",
}

assert set(_LOCAL_SOURCE) <= set(AR) and set(_LOCAL_SOURCE) <= set(ZH_HANS) and set(_LOCAL_SOURCE) <= set(RU)
