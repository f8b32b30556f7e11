"""Plan items, SMART goals and follow-up comments for the synthetic municipality, by plan section.

Each item: (section title, title, does alone, support wanted, how wanted, goal or None), a goal
being (kind, what, how often, support, why). The section titles are those of the default plan
template (plans migration 0002)."""

ITEMS = (
    (
        "Måltidssituation",
        "Laga middag",
        "Skalar och skär grönsaker själv.",
        "Stöd vid spisen och med att läsa receptet.",
        "Bildrecept, och personal som står bredvid utan att ta över.",
        (
            "develop",
            "laga middag själv",
            "en gång i veckan",
            "bildrecept och personal i köket",
            "vill kunna bjuda sin familj på mat",
        ),
    ),
    (
        "Måltidssituation",
        "Frukost",
        "Brer smörgås och häller upp fil själv.",
        "Påminnelse om att äta innan bussen går.",
        "Personalen knackar på kl. 7.15 och frågar om det är dags.",
        (
            "maintain",
            "äta frukost hemma",
            "varje vardag",
            "en påminnelse från personalen",
            "orkar mer under förmiddagen",
        ),
    ),
    (
        "Sköta hemmet",
        "Tvätt",
        "Bär ner tvätten till tvättstugan.",
        "Hjälp att sortera och att ställa in maskinen.",
        "Bilder på maskinen visar vilket program; personalen visar och brukaren gör.",
        (
            "develop",
            "sortera tvätten själv",
            "varje tvättdag",
            "bilder på tvättmaskinen",
            "vill klara tvätten utan hjälp",
        ),
    ),
    (
        "Sköta hemmet",
        "Städning",
        "Dammsuger själv.",
        "Påminnelse på fredagar och hjälp med badrummet.",
        "Personalen frågar på fredag förmiddag om det passar.",
        (
            "maintain",
            "städa lägenheten",
            "en gång i veckan",
            "en checklista med bilder",
            "vill ha det fint när familjen kommer",
        ),
    ),
    (
        "Sköta hemmet",
        "Inköp",
        "Väljer själv vad som ska handlas.",
        "Sällskap till affären och stöd att skriva inköpslista.",
        "Samma dag varje vecka, helst tisdag eftermiddag.",
        (
            "develop",
            "handla själv i affären",
            "varannan vecka",
            "en inköpslista med bilder",
            "vill bestämma mer själv över sina pengar",
        ),
    ),
    (
        "Sociala aktiviteter",
        "Promenad",
        "Går själv till affären.",
        "Sällskap på längre promenader.",
        "Personal följer med och brukaren bestämmer vägen.",
        (
            "maintain",
            "gå på promenad",
            "två dagar i veckan",
            "personal som följer med",
            "vill orka gå till sina vänner",
        ),
    ),
    (
        "Sociala aktiviteter",
        "Bowling med föreningen",
        "Betalar själv i kassan.",
        "Sällskap på bussen dit.",
        "Samma personal varje gång, om det går.",
        ("maintain", "spela bowling med föreningen", "varje torsdag", "sällskap på bussen", "träffar sina vänner där"),
    ),
    (
        "Sociala aktiviteter",
        "Åka buss på egen hand",
        "Vet vilken buss som går till centrum.",
        "Öva på byten och på vad man gör om bussen inte kommer.",
        "Personalen åker med de första gångerna och sitter sedan längre bak.",
        (
            "develop",
            "åka buss själv till centrum",
            "en gång i veckan",
            "en busskarta med bilder",
            "vill kunna ta sig till stan utan hjälp",
        ),
    ),
    (
        "Kontakter",
        "Kontakt med familjen",
        "Ringer själv sin familj.",
        "Hjälp att komma ihåg födelsedagar.",
        "En kalender med bilder på väggen, som gås igenom varje måndag.",
        ("maintain", "ringa sin familj", "varje söndag", "en påminnelse i kalendern", "familjen är viktig"),
    ),
    (
        "Hälsa",
        "Motion",
        "Cyklar på motionscykeln ibland.",
        "Sällskap till gymmet.",
        "Fasta tider, och att personalen tränar med.",
        ("develop", "träna på gymmet", "två gånger i veckan", "personal som följer med", "vill känna sig starkare"),
    ),
    (
        "Hälsa",
        "Tandborstning",
        "Borstar tänderna på morgonen.",
        "Påminnelse på kvällen.",
        "En bild vid handfatet och en fråga från kvällspersonalen.",
        (
            "maintain",
            "borsta tänderna morgon och kväll",
            "varje dag",
            "en påminnelse på kvällen",
            "vill slippa ont i tänderna",
        ),
    ),
    (
        "Personnära",
        "Dusch",
        "Tvättar sig själv.",
        "Hjälp med håret.",
        "Personalen väntar utanför och kommer in när brukaren ropar.",
        ("maintain", "duscha", "varannan dag", "hjälp med att tvätta håret", "mår bättre med rent hår"),
    ),
    (
        "Personnära",
        "Påklädning",
        "Klär på sig själv.",
        "Hjälp att välja kläder efter vädret.",
        "Personalen tittar på väderappen tillsammans med brukaren på morgonen.",
        None,
    ),
    (
        "Vanor och rutiner",
        "Morgonrutin",
        "Går upp själv när väckarklockan ringer.",
        "Påminnelse om tiden.",
        "Bildschema på kylskåpet; personalen knackar på kl. 7.30.",
        ("maintain", "komma i tid till bussen", "varje vardag", "ett bildschema", "vill inte missa arbetet"),
    ),
    (
        "Vanor och rutiner",
        "Kvällsrutin",
        "Bestämmer själv när det är dags att sova.",
        "Sällskap en stund vid kvällsfikat.",
        "Lugnt tempo och samma ordning varje kväll.",
        None,
    ),
    (
        "Mål och insatser",
        "Arbete i snickeriet",
        "Slipar och målar själv.",
        "Hjälp med maskinerna.",
        "En handledare i närheten, som visar en gång och sedan låter brukaren prova.",
        (
            "maintain",
            "göra färdigt en fågelholk",
            "varje månad",
            "en handledare som visar stegen",
            "vill ge holkarna till sin familj",
        ),
    ),
    (
        "Mål och insatser",
        "Caféet",
        "Dukar borden och tar emot beställningar.",
        "Stöd vid kassan.",
        "Handledaren står bredvid under lunchrusningen.",
        (
            "develop",
            "ta betalt i kassan själv",
            "två pass i veckan",
            "en handledare i närheten",
            "vill ha ett arbete på ett riktigt café",
        ),
    ),
    (
        "Mål och insatser",
        "Ekonomi",
        "Vet hur mycket pengar som finns på kortet.",
        "Stöd att betala räkningar.",
        "Tillsammans med den gode mannen en gång i månaden.",
        (
            "develop",
            "betala sina räkningar",
            "en gång i månaden",
            "stöd av personal och god man",
            "vill ha koll på sina pengar",
        ),
    ),
    (
        "Övrigt",
        "Kommunikation",
        "Pekar på bilder och använder några tecken.",
        "Att personalen använder samma tecken.",
        "Tecken som stöd och bildkartor i varje rum.",
        (
            "develop",
            "använda sin kommunikationskarta",
            "varje dag",
            "personal som använder samma tecken",
            "vill bli förstådd",
        ),
    ),
    (
        "Förhållningssätt",
        "Bemötande",
        "Säger själv till när det blir för mycket.",
        "Lugnt bemötande och tid att svara.",
        "En sak i taget, och att personalen väntar på svar.",
        None,
    ),
)

PARTICIPATION = (
    "{n} var med på mötet och berättade själv vad {han} vill ha stöd med.",
    "{n} var med och valde sina mål med hjälp av bildstöd.",
    "{n} deltog i en del av mötet och svarade på frågor med ja- och nej-bilder.",
    "{n} ville hellre prata med kontaktmannen i lugn och ro, och gjorde det i två korta samtal.",
)

NO_RISKS = (
    "Inga risker i aktiviteterna: {n} går kända vägar och använder köket säkert.",
    "Inga risker identifierade vid genomgången med {n} och arbetsgruppen.",
)

RISKS = (
    ("{n} kan halka på isen på vägen till bussen.", "Halkskydd på skorna och sällskap vintertid.", 2, 2),
    ("{n} kan bränna sig på spisplattan.", "Personal står bredvid vid spisen; markering på plattorna.", 2, 2),
    ("{n} kan gå vilse vid byten på stationen.", "Telefon med kontaktnummer och övning på bytena.", 2, 1),
)

FOLLOW_UP_COMMENTS = {
    "fully": (
        "Målet uppnått. {n} klarar det nu själv och vill ha ett nytt mål.",
        "Målet uppnått. {n} berättade stolt hur det har gått.",
    ),
    "partly": (
        "Målet delvis uppnått. {n} vill fortsätta med samma mål och samma stöd.",
        "Målet delvis uppnått. Det går bättre, men {n} behöver fortfarande påminnelser.",
        "Målet delvis uppnått. {n} vill ändra tiden men behålla målet.",
    ),
    "no": (
        "Målet inte uppnått. {n} har inte velat under perioden; vi frågar igen om en månad.",
        "Målet inte uppnått. Stödet har inte kunnat ges som planerat på grund av personalbrist.",
    ),
    "not_applicable": (
        "Insatsen fungerar som planerat. {n} vill ha det som nu.",
        "Journalen visar att stödet har getts varje vecka. Inget att ändra.",
    ),
}

REVIEW_SUMMARY = "Stödet fungerar. {n} vill i stort sett ha det som förut."
REVIEW_ASSESSMENT = "{n} är trygg i sin vardag. Inga nya behov har kommit fram."
