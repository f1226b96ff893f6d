//! The content of the example catalog: themes and criteria written by us from the AVG (GDPR)
//! articles and the Dutch context (UAVG, BIO, Archiefwet, Woo). It is an example, not VNG's
//! "Criteria borging AVG" text, which users import themselves.

use super::{ExampleCriterion, ExampleTheme};

pub(crate) const THEMES: &[ExampleTheme] = &[
    ExampleTheme {
        name: "Governance en de functionaris gegevensbescherming",
        criteria: &[
            ExampleCriterion {
                code: "1.1",
                text: "De gemeente heeft een functionaris gegevensbescherming (FG) aangewezen, de contactgegevens van de FG gepubliceerd en de FG aangemeld bij de Autoriteit Persoonsgegevens.",
                explanation: "Een overheidsorgaan is verplicht een FG aan te wijzen; raad, college en burgemeester zijn elk verwerkingsverantwoordelijke en wijzen ieder (dezelfde) FG aan. Een auditor kijkt naar de aanwijzingsbesluiten, de melding bij de AP en de vermelding van de contactgegevens op de website.",
                legal_basis: "AVG art. 37 lid 1 sub a; AVG art. 37 lid 7; AVG art. 38 lid 4",
            },
            ExampleCriterion {
                code: "1.2",
                text: "De gemeente zorgt dat de FG beschikt over de deskundigheid, de tijd, het budget en de toegang tot persoonsgegevens en verwerkingen die nodig zijn voor de taakuitvoering.",
                explanation: "De omvang van de FG-functie past bij de grootte en het risicoprofiel van de organisatie; bij een FG die voor meerdere organisaties werkt, is de inzet per organisatie vastgelegd. Bewijs: functieprofiel, gevolgde opleidingen, formatie en budget, en afspraken in het samenwerkingsverband.",
                legal_basis: "AVG art. 37 lid 3; AVG art. 37 lid 5; AVG art. 38 lid 2",
            },
            ExampleCriterion {
                code: "1.3",
                text: "De gemeente waarborgt dat de FG onafhankelijk werkt: de FG ontvangt geen instructies over de taakuitvoering, wordt daarvoor niet ontslagen of benadeeld en rapporteert rechtstreeks aan het hoogste leidinggevende niveau.",
                explanation: "Een auditor let op de positie in het organogram, een vastgesteld FG-statuut of -reglement, de rechtstreekse toegang tot college en gemeentesecretaris, en op andere taken van de FG die tot belangenverstrengeling kunnen leiden (bijvoorbeeld tegelijk CISO of proceseigenaar zijn).",
                legal_basis: "AVG art. 38 lid 3; AVG art. 38 lid 5; AVG art. 38 lid 6",
            },
            ExampleCriterion {
                code: "1.4",
                text: "De gemeente betrekt de FG tijdig en naar behoren bij alle aangelegenheden die verband houden met de bescherming van persoonsgegevens.",
                explanation: "Tijdig betekent: voordat een besluit valt, bijvoorbeeld bij nieuwe projecten, aanbestedingen, DPIA's en datalekken. Bewijs: een vaste plaats voor het FG-advies in de besluitvorming (zoals in het collegevoorstel) en een vastgelegde motivering als een advies niet wordt gevolgd.",
                legal_basis: "AVG art. 38 lid 1; AVG art. 39 lid 1 sub a",
            },
            ExampleCriterion {
                code: "1.5",
                text: "De gemeente heeft naast de FG de uitvoerende rollen voor gegevensbescherming belegd, zoals privacy officer of privacycoördinator en CISO, zodat de FG toezicht houdt en niet zelf uitvoert.",
                explanation: "De FG houdt toezicht op de naleving; het bijhouden van het register, het uitvoeren van DPIA's en het afhandelen van verzoeken en datalekken ligt bij de organisatie. Bewijs: functiebeschrijvingen en een vastgesteld overzicht van privacyrollen en hun taken.",
                legal_basis: "AVG art. 24 lid 1; AVG art. 38 lid 6; AVG art. 39 lid 1 sub b",
            },
        ],
    },
    ExampleTheme {
        name: "Privacybeleid en verantwoordelijkheden",
        criteria: &[
            ExampleCriterion {
                code: "2.1",
                text: "De gemeente heeft een door het college vastgesteld privacybeleid dat de uitgangspunten, rollen en verantwoordelijkheden voor de verwerking van persoonsgegevens beschrijft.",
                explanation: "Het beleid vertaalt de beginselen van de AVG naar de eigen organisatie en past bij de aard en omvang van de verwerkingen. Bewijs: het vastgestelde beleidsdocument met datum, het collegebesluit en de publicatie op intranet.",
                legal_basis: "AVG art. 5 lid 2; AVG art. 24 lid 1; AVG art. 24 lid 2",
            },
            ExampleCriterion {
                code: "2.2",
                text: "De gemeente heeft vastgesteld welk bestuursorgaan (raad, college of burgemeester) voor welke verwerkingen verwerkingsverantwoordelijke is.",
                explanation: "Elk bestuursorgaan is verwerkingsverantwoordelijke voor de verwerkingen die bij zijn eigen bevoegdheden horen, bijvoorbeeld de burgemeester voor openbare orde en cameratoezicht. Bewijs: de toedeling in het register en in het privacybeleid of de mandaatregeling.",
                legal_basis: "AVG art. 4 punt 7; AVG art. 24 lid 1",
            },
            ExampleCriterion {
                code: "2.3",
                text: "De gemeente heeft voor elke verwerking een eigenaar in de lijn aangewezen die verantwoordelijk is voor de naleving van de AVG binnen dat proces.",
                explanation: "De verantwoordelijkheid ligt in de lijn, niet bij de FG. Bewijs: de eigenaren staan per verwerking in het register en kennen hun taken, wat blijkt uit mandaat, functiebeschrijving of afspraken in de managementlijn.",
                legal_basis: "AVG art. 5 lid 2; AVG art. 24 lid 1",
            },
            ExampleCriterion {
                code: "2.4",
                text: "De gemeente heeft vastgestelde procedures voor de kernprocessen van gegevensbescherming: het bijhouden van het register, het uitvoeren van DPIA's, het afhandelen van verzoeken van betrokkenen en het melden van datalekken.",
                explanation: "Procedures maken de naleving herhaalbaar en onafhankelijk van personen. Een auditor vraagt de procedures op en controleert of ze actueel zijn en in de praktijk worden gevolgd.",
                legal_basis: "AVG art. 5 lid 2; AVG art. 24 lid 2",
            },
            ExampleCriterion {
                code: "2.5",
                text: "De gemeente evalueert het privacybeleid en de procedures periodiek en bij belangrijke wijzigingen in wetgeving of organisatie, en werkt ze zo nodig bij.",
                explanation: "De AVG vraagt dat maatregelen worden getoetst en zo nodig geactualiseerd. Bewijs: versiebeheer met de datum van de laatste herziening, een vastgestelde herzieningscyclus en een eigenaar per document.",
                legal_basis: "AVG art. 24 lid 1",
            },
        ],
    },
    ExampleTheme {
        name: "Register van verwerkingsactiviteiten",
        criteria: &[
            ExampleCriterion {
                code: "3.1",
                text: "De gemeente houdt een schriftelijk register van verwerkingsactiviteiten bij dat alle verwerkingen onder haar verantwoordelijkheid omvat.",
                explanation: "Het register is de basis voor de verantwoording. Een auditor vergelijkt het register steekproefsgewijs met de processen en het applicatieoverzicht van de gemeente om te zien of het volledig is.",
                legal_basis: "AVG art. 30 lid 1; AVG art. 30 lid 3",
            },
            ExampleCriterion {
                code: "3.2",
                text: "Elke verwerking in het register bevat ten minste de verplichte gegevens: verwerkingsverantwoordelijke en FG, doelen, categorieën betrokkenen en persoonsgegevens, ontvangers, doorgiften buiten de EER, bewaartermijnen en een beschrijving van de beveiligingsmaatregelen.",
                explanation: "Algemene omschrijvingen zoals \"diverse gegevens\" voldoen niet. Het is daarnaast nuttig per verwerking de grondslag, de eigenaar, de applicaties en verwerkers en de DPIA-status vast te leggen.",
                legal_basis: "AVG art. 30 lid 1 sub a t/m g",
            },
            ExampleCriterion {
                code: "3.3",
                text: "De gemeente houdt het register actueel: nieuwe of gewijzigde verwerkingen worden opgenomen voordat ze starten, en de eigenaren controleren hun deel van het register ten minste jaarlijks.",
                explanation: "Een koppeling met het inkoop- en projectproces voorkomt dat nieuwe applicaties buiten het register blijven. Bewijs: een beheerprocedure, wijzigingsdata per verwerking en een verslag van de jaarlijkse controle.",
                legal_basis: "AVG art. 5 lid 2; AVG art. 30 lid 1",
            },
            ExampleCriterion {
                code: "3.4",
                text: "Waar de gemeente als verwerker optreedt voor een andere organisatie, bijvoorbeeld binnen een samenwerkingsverband of gemeenschappelijke regeling, houdt zij ook een register van die verwerkingen bij.",
                explanation: "Het register van de verwerker vermeldt onder meer voor welke verwerkingsverantwoordelijken wordt verwerkt, welke categorieën verwerkingen het betreft en welke beveiligingsmaatregelen gelden. Bewijs: het verwerkersregister en de bijbehorende overeenkomsten.",
                legal_basis: "AVG art. 30 lid 2; AVG art. 28 lid 3",
            },
            ExampleCriterion {
                code: "3.5",
                text: "De gemeente kan het register op verzoek direct aan de Autoriteit Persoonsgegevens ter beschikking stellen.",
                explanation: "Het register moet in een bruikbare vorm te leveren zijn. Publicatie van (een versie van) het register op de website is niet verplicht, maar bevordert de transparantie naar inwoners.",
                legal_basis: "AVG art. 30 lid 4; AVG art. 31",
            },
        ],
    },
    ExampleTheme {
        name: "Rechtmatigheid en doelbinding",
        criteria: &[
            ExampleCriterion {
                code: "4.1",
                text: "De gemeente heeft voor iedere verwerking de grondslag vastgelegd en, bij een wettelijke verplichting of een taak van algemeen belang, ook het wetsartikel waarop de verwerking rust.",
                explanation: "Gemeenten verwerken meestal op grond van een wettelijke plicht of een publieke taak die in een wet moet zijn vastgelegd. Toestemming is voor een overheidsorgaan zelden een geschikte grondslag vanwege de ongelijke verhouding met de inwoner. Een auditor kijkt of per verwerking een concrete wettelijke basis in het register staat.",
                legal_basis: "AVG art. 6 lid 1 sub c en e; AVG art. 6 lid 3; AVG art. 7",
            },
            ExampleCriterion {
                code: "4.2",
                text: "De gemeente verwerkt persoonsgegevens alleen voor welbepaalde, uitdrukkelijk omschreven en gerechtvaardigde doelen, en toetst verdere verwerking voor een ander doel op verenigbaarheid.",
                explanation: "Hergebruik voor een nieuw doel, bijvoorbeeld gegevens uit het sociaal domein voor handhaving of data-analyse, vraagt een vastgelegde verenigbaarheidstoets of een eigen wettelijke grondslag. Bewijs: concrete doelomschrijvingen in het register en vastgelegde toetsen.",
                legal_basis: "AVG art. 5 lid 1 sub b; AVG art. 6 lid 4",
            },
            ExampleCriterion {
                code: "4.3",
                text: "De gemeente verwerkt niet meer persoonsgegevens dan nodig is voor het doel, en alleen medewerkers die de gegevens voor hun taak nodig hebben, hebben er toegang toe.",
                explanation: "Denk aan formulieren die alleen noodzakelijke gegevens vragen, geen kopie van een identiteitsbewijs zonder wettelijke plicht en geen standaard uitvraag van het BSN. Een auditor beoordeelt steekproefsgewijs formulieren, zaaktypen en autorisatieprofielen.",
                legal_basis: "AVG art. 5 lid 1 sub c; AVG art. 25 lid 2",
            },
            ExampleCriterion {
                code: "4.4",
                text: "De gemeente neemt maatregelen om persoonsgegevens juist en actueel te houden, onder meer door gebruik van de basisregistraties en door gemelde onjuistheden te herstellen.",
                explanation: "Onjuiste gegevens kunnen leiden tot verkeerde besluiten over inwoners. Bewijs: gebruik van authentieke bronnen zoals de BRP, terugmelden bij gerede twijfel aan de juistheid van gegevens uit een basisregistratie en controles op gegevenskwaliteit.",
                legal_basis: "AVG art. 5 lid 1 sub d; AVG art. 16",
            },
            ExampleCriterion {
                code: "4.5",
                text: "De gemeente heeft per verwerking een bewaartermijn vastgesteld op basis van de selectielijst voor gemeenten of bijzondere wetgeving, en vernietigt persoonsgegevens aantoonbaar na afloop daarvan.",
                explanation: "De AVG verbiedt langer bewaren dan nodig; de Archiefwet verplicht tot bewaren in goede, geordende en toegankelijke staat en tot vernietiging volgens de selectielijst. Bewijs: bewaartermijnen in het register en in de zaaktypen, vernietigingslijsten en verklaringen van vernietiging, ook voor gegevens in vakapplicaties.",
                legal_basis: "AVG art. 5 lid 1 sub e; Archiefwet 1995 art. 3 en art. 5; Selectielijst gemeenten en intergemeentelijke organen",
            },
            ExampleCriterion {
                code: "4.6",
                text: "De gemeente weegt bij openbaarmaking van documenten op grond van de Wet open overheid de bescherming van persoonsgegevens mee en maakt persoonsgegevens onleesbaar waar dat nodig is.",
                explanation: "Bijzondere persoonsgegevens en identificatienummers zoals het BSN worden in beginsel niet openbaar gemaakt; bij andere persoonsgegevens weegt de persoonlijke levenssfeer mee. Bewijs: een werkinstructie voor het lakken, een vier-ogencontrole en lakgereedschap dat de onderliggende tekst echt verwijdert.",
                legal_basis: "Woo art. 5.1 lid 1 sub d en e; Woo art. 5.1 lid 2 sub e; AVG art. 5 lid 1 sub c",
            },
        ],
    },
    ExampleTheme {
        name: "DPIA en privacy by design en by default",
        criteria: &[
            ExampleCriterion {
                code: "5.1",
                text: "De gemeente beoordeelt vooraf voor iedere nieuwe of gewijzigde verwerking of een gegevensbeschermingseffectbeoordeling (DPIA) verplicht is, en legt die afweging vast.",
                explanation: "Een DPIA is verplicht bij een waarschijnlijk hoog risico, in elk geval in de gevallen van artikel 35 lid 3 en op de lijst van de Autoriteit Persoonsgegevens, zoals grootschalige verwerking van bijzondere gegevens, cameratoezicht en profilering. Bewijs: een vastgelegde voortoets (pre-DPIA) per project en de uitkomst in het register.",
                legal_basis: "AVG art. 35 lid 1; AVG art. 35 lid 3; AVG art. 35 lid 4",
            },
            ExampleCriterion {
                code: "5.2",
                text: "De DPIA's van de gemeente bevatten ten minste een beschrijving van de verwerking en de doelen, een beoordeling van noodzaak en evenredigheid, een beoordeling van de risico's voor betrokkenen en de maatregelen om die risico's te beperken.",
                explanation: "Een DPIA wordt uitgevoerd voordat de verwerking begint, onder verantwoordelijkheid van de eigenaar van de verwerking. Een auditor controleert een steekproef van DPIA's op volledigheid en op een besluit van de eigenaar over de restrisico's.",
                legal_basis: "AVG art. 35 lid 1; AVG art. 35 lid 7",
            },
            ExampleCriterion {
                code: "5.3",
                text: "De gemeente vraagt bij elke DPIA het advies van de FG, legt dat advies vast en motiveert waarom zij het eventueel niet volgt.",
                explanation: "Het FG-advies hoort bij het dossier van de DPIA en bij het besluit over de verwerking. Bewijs: de adviezen, de reactie van de eigenaar en de plaats van het advies in de besluitvorming.",
                legal_basis: "AVG art. 35 lid 2; AVG art. 39 lid 1 sub c",
            },
            ExampleCriterion {
                code: "5.4",
                text: "De gemeente raadpleegt de Autoriteit Persoonsgegevens voordat een verwerking start, als uit de DPIA een hoog risico blijkt dat niet met maatregelen voldoende kan worden beperkt.",
                explanation: "Een overzicht van alle DPIA's met de uitkomst en het restrisico laat zien of voorafgaande raadpleging nodig was. Bewijs: dat overzicht en, waar van toepassing, de correspondentie met de AP.",
                legal_basis: "AVG art. 36 lid 1; AVG art. 36 lid 3",
            },
            ExampleCriterion {
                code: "5.5",
                text: "De gemeente beoordeelt DPIA's opnieuw bij een wijziging van het risico en in ieder geval periodiek, en bewaakt dat de maatregelen uit de DPIA daadwerkelijk zijn uitgevoerd.",
                explanation: "Een DPIA is geen eenmalig document; wijzigingen in het systeem, de leverancier of de gegevens kunnen het risico veranderen. Bewijs: herzieningsdata per DPIA en een actielijst met eigenaar en stand van de maatregelen.",
                legal_basis: "AVG art. 35 lid 11; AVG art. 5 lid 2",
            },
            ExampleCriterion {
                code: "5.6",
                text: "De gemeente past bij het ontwerp, de inkoop en de inrichting van systemen en processen gegevensbescherming door ontwerp en door standaardinstellingen toe.",
                explanation: "Voorbeelden zijn privacy-eisen in aanbestedingen, pseudonimisering, standaard zo beperkt mogelijke autorisaties en bewaartermijnen, en geen gegevens die standaard voor een onbeperkt aantal personen toegankelijk zijn. Bewijs: privacy-eisen in inkoopdocumenten en een toets bij de oplevering.",
                legal_basis: "AVG art. 25 lid 1; AVG art. 25 lid 2",
            },
        ],
    },
    ExampleTheme {
        name: "Transparantie en informatieplicht",
        criteria: &[
            ExampleCriterion {
                code: "6.1",
                text: "De gemeente publiceert een privacyverklaring die in duidelijke en eenvoudige taal uitlegt welke persoonsgegevens zij verwerkt, voor welke doelen en op welke grondslag, en welke rechten betrokkenen hebben.",
                explanation: "De verklaring is makkelijk vindbaar, bevat de contactgegevens van de gemeente en de FG en noemt het recht om een klacht in te dienen bij de Autoriteit Persoonsgegevens. Een auditor vergelijkt de verklaring met de verplichte onderdelen van de artikelen 13 en 14.",
                legal_basis: "AVG art. 12 lid 1; AVG art. 13 lid 1 en 2; AVG art. 14 lid 1 en 2",
            },
            ExampleCriterion {
                code: "6.2",
                text: "De gemeente informeert betrokkenen op het moment dat zij persoonsgegevens bij hen verzamelt, bijvoorbeeld op formulieren en in brieven, over het doel van de verwerking en verwijst naar de volledige informatie.",
                explanation: "Een algemene privacyverklaring is voor specifieke verwerkingen vaak niet genoeg. Bewijs: privacyteksten op (digitale) formulieren, aparte privacyverklaringen per domein zoals het sociaal domein, en borden bij cameratoezicht.",
                legal_basis: "AVG art. 12 lid 1; AVG art. 13 lid 1",
            },
            ExampleCriterion {
                code: "6.3",
                text: "De gemeente informeert betrokkenen van wie zij persoonsgegevens via een ander verkrijgt binnen een redelijke termijn en uiterlijk binnen een maand, tenzij een wettelijke uitzondering geldt die zij heeft vastgelegd.",
                explanation: "Voorbeelden zijn gegevens van andere overheden, ketenpartners of melders. Als de gemeente een beroep doet op een uitzondering, bijvoorbeeld omdat de verkrijging bij wet is voorgeschreven, legt zij dat met motivering vast.",
                legal_basis: "AVG art. 14 lid 3; AVG art. 14 lid 5",
            },
            ExampleCriterion {
                code: "6.4",
                text: "De gemeente is transparant over algoritmen en geautomatiseerde besluitvorming met gevolgen voor inwoners, en informeert betrokkenen over de onderliggende logica en de verwachte gevolgen.",
                explanation: "Volledig geautomatiseerde besluiten met rechtsgevolgen zijn alleen toegestaan met een wettelijke basis en passende waarborgen, zoals menselijke tussenkomst. Bewijs: een overzicht van gebruikte algoritmen (bijvoorbeeld in het Algoritmeregister van de Nederlandse overheid) en informatie daarover in de privacyverklaring.",
                legal_basis: "AVG art. 13 lid 2 sub f; AVG art. 14 lid 2 sub g; AVG art. 22; UAVG art. 40",
            },
        ],
    },
    ExampleTheme {
        name: "Rechten van betrokkenen",
        criteria: &[
            ExampleCriterion {
                code: "7.1",
                text: "De gemeente heeft een procedure om verzoeken van betrokkenen (inzage, rectificatie, wissing, beperking en bezwaar) te herkennen, te registreren en af te handelen, en betrokkenen kunnen eenvoudig een verzoek indienen.",
                explanation: "Verzoeken kunnen via elk kanaal binnenkomen, ook mondeling of via het klantcontactcentrum. Bewijs: de procedure, een register van ontvangen verzoeken en een vindbare manier om een verzoek in te dienen.",
                legal_basis: "AVG art. 12 lid 2; AVG art. 15 t/m 21",
            },
            ExampleCriterion {
                code: "7.2",
                text: "De gemeente beslist op een verzoek zonder onnodige vertraging en uiterlijk binnen een maand, en verlengt die termijn alleen gemotiveerd met ten hoogste twee maanden, met bericht aan de betrokkene binnen de eerste maand.",
                explanation: "Een afwijzing vermeldt de redenen en de mogelijkheid van een klacht bij de AP en van een rechtsmiddel; een schriftelijke beslissing van een bestuursorgaan op zo'n verzoek is een besluit in de zin van de Awb. Een auditor controleert in het register van verzoeken of de termijnen zijn gehaald.",
                legal_basis: "AVG art. 12 lid 3; AVG art. 12 lid 4; UAVG art. 34",
            },
            ExampleCriterion {
                code: "7.3",
                text: "De gemeente stelt de identiteit van een verzoeker vast op een manier die in verhouding staat tot het verzoek, en vraagt niet meer identiteitsgegevens dan nodig.",
                explanation: "Een kopie van een identiteitsbewijs is meestal niet nodig; identificatie kan ook via DigiD, aan de balie of met gegevens die de gemeente al heeft. Bewijs: de werkinstructie voor identificatie.",
                legal_basis: "AVG art. 12 lid 6; AVG art. 5 lid 1 sub c",
            },
            ExampleCriterion {
                code: "7.4",
                text: "De gemeente verstrekt bij een inzageverzoek kosteloos een volledig overzicht of een kopie van de verwerkte persoonsgegevens, met de doelen, ontvangers, bewaartermijnen en herkomst, uit alle relevante systemen en archieven.",
                explanation: "Gegevens van anderen in een dossier, zoals melders of derden, worden beschermd door ze af te schermen, niet door inzage te weigeren. Een auditor beoordeelt een steekproef van afgehandelde verzoeken op volledigheid.",
                legal_basis: "AVG art. 12 lid 5; AVG art. 15 lid 1, 3 en 4",
            },
            ExampleCriterion {
                code: "7.5",
                text: "De gemeente voert rectificatie, wissing en beperking van de verwerking door in alle systemen waarin de gegevens staan, en informeert de ontvangers aan wie de gegevens zijn verstrekt.",
                explanation: "Het recht op wissing geldt niet als de gegevens nodig zijn voor een wettelijke plicht of een taak van algemeen belang, of op grond van de Archiefwet moeten worden bewaard; een afwijzing wordt dan gemotiveerd. Bewijs: afgehandelde verzoeken met de doorgevoerde wijzigingen en berichten aan ontvangers.",
                legal_basis: "AVG art. 16; AVG art. 17 lid 1 en 3; AVG art. 18; AVG art. 19",
            },
            ExampleCriterion {
                code: "7.6",
                text: "De gemeente staakt bij een bezwaar tegen een verwerking op grond van een taak van algemeen belang de verwerking, tenzij zij dwingende gerechtvaardigde gronden aantoont die zwaarder wegen, en legt die afweging vast.",
                explanation: "Het recht van bezwaar uit de AVG is iets anders dan bezwaar tegen een besluit op grond van de Awb; medewerkers herkennen beide. Bewijs: vastgelegde afwegingen bij ontvangen bezwaren.",
                legal_basis: "AVG art. 21 lid 1; AVG art. 6 lid 1 sub e",
            },
        ],
    },
    ExampleTheme {
        name: "Verwerkers en gegevensdeling",
        criteria: &[
            ExampleCriterion {
                code: "8.1",
                text: "De gemeente heeft met iedere verwerker een verwerkersovereenkomst gesloten die ten minste de verplichte onderdelen van artikel 28 lid 3 AVG bevat.",
                explanation: "Denk aan leveranciers van software als dienst, hosting, drukwerk en archiefdiensten. Een auditor vergelijkt de lijst met leveranciers en applicaties met de afgesloten overeenkomsten en toetst een steekproef op de verplichte bepalingen, zoals geheimhouding, beveiliging, subverwerkers, bijstand bij rechten en datalekken en teruggave of vernietiging na afloop.",
                legal_basis: "AVG art. 28 lid 1; AVG art. 28 lid 3; AVG art. 28 lid 9",
            },
            ExampleCriterion {
                code: "8.2",
                text: "De gemeente kiest alleen verwerkers die voldoende garanties bieden voor passende technische en organisatorische maatregelen, en beoordeelt dat vooraf en periodiek.",
                explanation: "Bewijs: privacy- en beveiligingseisen in de aanbesteding, certificaten of assurancerapporten (zoals een ISO 27001-certificaat of een ISAE 3402-verklaring) en de opvolging van de bevindingen daaruit.",
                legal_basis: "AVG art. 28 lid 1; AVG art. 32 lid 1; BIO, ISO/IEC 27002:2022 maatregelen 5.19 t/m 5.22",
            },
            ExampleCriterion {
                code: "8.3",
                text: "De gemeente weet welke subverwerkers haar verwerkers inzetten, heeft daar vooraf schriftelijk toestemming voor gegeven en kan bezwaar maken tegen wijzigingen.",
                explanation: "De verwerker legt dezelfde verplichtingen op aan zijn subverwerkers en blijft tegenover de gemeente aansprakelijk. Bewijs: lijsten van subverwerkers bij de overeenkomsten en de afhandeling van aangekondigde wijzigingen.",
                legal_basis: "AVG art. 28 lid 2; AVG art. 28 lid 4",
            },
            ExampleCriterion {
                code: "8.4",
                text: "De gemeente heeft een regeling vastgelegd met de partijen met wie zij samen de doelen en middelen van een verwerking bepaalt, bijvoorbeeld in een zorg- en veiligheidshuis of een regionale samenwerking.",
                explanation: "De regeling legt vast wie welke verplichtingen nakomt, met name de informatieplicht en de rechten van betrokkenen; de wezenlijke inhoud is voor betrokkenen beschikbaar. Bewijs: de regelingen en een overzicht van samenwerkingsverbanden waarin persoonsgegevens worden gedeeld.",
                legal_basis: "AVG art. 26 lid 1; AVG art. 26 lid 2",
            },
            ExampleCriterion {
                code: "8.5",
                text: "De gemeente verstrekt persoonsgegevens aan derden alleen met een grondslag en voor een verenigbaar doel, en legt structurele verstrekkingen vast in afspraken en in het register.",
                explanation: "Bij incidentele verzoeken, bijvoorbeeld van politie of deurwaarders, toetst een bevoegde medewerker de grondslag en legt de verstrekking vast. Bewijs: convenanten, een procedure voor verzoeken van derden en een registratie van verstrekkingen.",
                legal_basis: "AVG art. 5 lid 1 sub b; AVG art. 6 lid 1; AVG art. 30 lid 1 sub d",
            },
            ExampleCriterion {
                code: "8.6",
                text: "De gemeente geeft persoonsgegevens alleen door naar landen buiten de Europese Economische Ruimte of naar internationale organisaties als daarvoor een geldig doorgifte-instrument bestaat, en weet bij welke leveranciers dat gebeurt.",
                explanation: "Ook toegang op afstand vanuit een derde land en subverwerkers van clouddiensten kunnen doorgifte zijn. Een auditor kijkt naar een adequaatheidsbesluit of passende waarborgen zoals modelcontractbepalingen, en naar een vastgelegde beoordeling van de risico's van de doorgifte.",
                legal_basis: "AVG art. 44; AVG art. 45; AVG art. 46; AVG art. 49",
            },
        ],
    },
    ExampleTheme {
        name: "Beveiliging",
        criteria: &[
            ExampleCriterion {
                code: "9.1",
                text: "De gemeente heeft een vastgesteld informatiebeveiligingsbeleid dat is gebaseerd op de Baseline Informatiebeveiliging Overheid (BIO), en heeft een CISO aangewezen.",
                explanation: "De BIO is het gemeenschappelijke normenkader voor informatiebeveiliging van de overheid, dat ook gemeenten toepassen. Bewijs: het vastgestelde beleid, de aanwijzing van de CISO en de verantwoording over de BIO, bijvoorbeeld via ENSIA.",
                legal_basis: "AVG art. 24 lid 2; AVG art. 32 lid 1; BIO, ISO/IEC 27002:2022 maatregel 5.1",
            },
            ExampleCriterion {
                code: "9.2",
                text: "De gemeente bepaalt het passende beveiligingsniveau per verwerking of systeem op basis van een risicoanalyse, waarin zij de risico's voor betrokkenen meeweegt.",
                explanation: "Dit omvat de classificatie van informatie naar beschikbaarheid, integriteit en vertrouwelijkheid, en een afweging van de stand van de techniek en de kosten. Bewijs: risicoanalyses of BIA's per systeem en een risicoregister met eigenaar en opvolging.",
                legal_basis: "AVG art. 32 lid 1; AVG art. 32 lid 2; BIO, ISO/IEC 27002:2022 maatregel 5.12",
            },
            ExampleCriterion {
                code: "9.3",
                text: "De gemeente verleent toegang tot persoonsgegevens op basis van functie en noodzaak, beheert autorisaties via een vaste procedure en controleert deze periodiek.",
                explanation: "Bijzondere aandacht verdienen beheeraccounts, uitdiensttreding en interne functiewisselingen. Bewijs: autorisatiematrices, verslagen van periodieke autorisatiecontroles en het gebruik van meerfactorauthenticatie.",
                legal_basis: "AVG art. 32 lid 1 sub b; AVG art. 32 lid 4; BIO, ISO/IEC 27002:2022 maatregelen 5.15, 5.18 en 8.5",
            },
            ExampleCriterion {
                code: "9.4",
                text: "De gemeente legt de toegang tot en het gebruik van gevoelige persoonsgegevens vast in logbestanden en controleert die logging periodiek op onrechtmatig gebruik.",
                explanation: "Logging is nodig om onbevoegde inzage, bijvoorbeeld in systemen van burgerzaken of het sociaal domein, te ontdekken en aan te tonen. Bewijs: logginginstellingen per systeem, een procedure voor logcontrole en verslagen van uitgevoerde controles.",
                legal_basis: "AVG art. 5 lid 1 sub f; AVG art. 32 lid 1; BIO, ISO/IEC 27002:2022 maatregelen 8.15 en 8.16",
            },
            ExampleCriterion {
                code: "9.5",
                text: "De gemeente beschermt persoonsgegevens met passende technische maatregelen, zoals versleuteling bij opslag en transport, en kan de beschikbaarheid van en de toegang tot gegevens na een incident tijdig herstellen.",
                explanation: "Bewijs: beleid voor versleuteling, ook van laptops en mobiele apparaten, verslagen van back-up- en hersteltests en een continuïteitsplan.",
                legal_basis: "AVG art. 32 lid 1 sub a t/m c; BIO, ISO/IEC 27002:2022 maatregelen 8.13 en 8.24",
            },
            ExampleCriterion {
                code: "9.6",
                text: "De gemeente test en evalueert regelmatig de doeltreffendheid van de beveiligingsmaatregelen, bijvoorbeeld met penetratietests, kwetsbaarheidsscans en interne audits, en volgt de bevindingen op.",
                explanation: "Bewijs: een testplanning, rapporten van uitgevoerde tests en een actielijst waaruit blijkt dat bevindingen binnen afgesproken termijnen zijn opgelost.",
                legal_basis: "AVG art. 32 lid 1 sub d; BIO, ISO/IEC 27002:2022 maatregelen 5.35 en 8.8",
            },
        ],
    },
    ExampleTheme {
        name: "Datalekken",
        criteria: &[
            ExampleCriterion {
                code: "10.1",
                text: "De gemeente heeft een procedure voor het melden, beoordelen en afhandelen van inbreuken in verband met persoonsgegevens (datalekken), die bekend is bij alle medewerkers en verwerkers.",
                explanation: "Medewerkers weten waar en hoe zij een (mogelijk) datalek direct melden, ook buiten kantoortijden; verwerkers melden lekken onverwijld aan de gemeente. Bewijs: de procedure, een meldpunt en afspraken hierover in de verwerkersovereenkomsten.",
                legal_basis: "AVG art. 4 punt 12; AVG art. 28 lid 3 sub f; AVG art. 33 lid 2",
            },
            ExampleCriterion {
                code: "10.2",
                text: "De gemeente meldt een datalek zonder onnodige vertraging en zo mogelijk binnen 72 uur na ontdekking bij de Autoriteit Persoonsgegevens, tenzij het niet waarschijnlijk is dat het lek een risico voor betrokkenen inhoudt.",
                explanation: "Een melding na 72 uur vermeldt de reden van de vertraging; ontbrekende informatie kan later worden aangevuld. Bewijs: meldingen bij de AP met de tijdstippen van ontdekking en melding.",
                legal_basis: "AVG art. 33 lid 1; AVG art. 33 lid 3; AVG art. 33 lid 4",
            },
            ExampleCriterion {
                code: "10.3",
                text: "De gemeente registreert alle datalekken, ook de niet gemelde, met de feiten, de gevolgen, de genomen maatregelen en de motivering van de beslissing om wel of niet te melden.",
                explanation: "Het register stelt de AP in staat de naleving te controleren en geeft inzicht in terugkerende oorzaken. Een auditor controleert of het register volledig is en of beslissingen om niet te melden zijn onderbouwd.",
                legal_basis: "AVG art. 33 lid 5",
            },
            ExampleCriterion {
                code: "10.4",
                text: "De gemeente informeert betrokkenen zonder onnodige vertraging in duidelijke en eenvoudige taal als een datalek waarschijnlijk een hoog risico voor hen inhoudt.",
                explanation: "De mededeling beschrijft de aard van het lek, de waarschijnlijke gevolgen, de genomen maatregelen en de contactgegevens van de FG, en geeft zo mogelijk advies om schade te beperken. Bewijs: verstuurde berichten aan betrokkenen of de vastgelegde reden waarom dat niet nodig was.",
                legal_basis: "AVG art. 34 lid 1; AVG art. 34 lid 2; AVG art. 34 lid 3",
            },
            ExampleCriterion {
                code: "10.5",
                text: "De gemeente analyseert datalekken op hun oorzaken, neemt maatregelen om herhaling te voorkomen en rapporteert periodiek over aantallen en trends aan de leiding.",
                explanation: "Bewijs: evaluaties van ernstige datalekken, verbetermaatregelen met eigenaar en termijn, en periodieke rapportages aan directie of college.",
                legal_basis: "AVG art. 5 lid 2; AVG art. 32 lid 1 sub d; BIO, ISO/IEC 27002:2022 maatregel 5.27",
            },
        ],
    },
    ExampleTheme {
        name: "Bewustwording en training",
        criteria: &[
            ExampleCriterion {
                code: "11.1",
                text: "De gemeente heeft een doorlopend programma voor privacybewustzijn dat alle medewerkers periodiek bereikt, inclusief nieuwe medewerkers, ingehuurde krachten en stagiairs.",
                explanation: "Bewustwording is een doorlopend proces en geen eenmalige cursus. Bewijs: een jaarplan, deelnamecijfers van e-learnings en bijeenkomsten, en aandacht voor privacy in het introductieprogramma.",
                legal_basis: "AVG art. 32 lid 4; AVG art. 39 lid 1 sub b; BIO, ISO/IEC 27002:2022 maatregel 6.3",
            },
            ExampleCriterion {
                code: "11.2",
                text: "De gemeente biedt medewerkers die veel of gevoelige persoonsgegevens verwerken, zoals in het sociaal domein, burgerzaken, handhaving en ICT, training die op hun taken is toegesneden.",
                explanation: "Ook de FG en de privacy officers houden hun deskundigheid op peil. Bewijs: trainingen per doelgroep, registratie van deelname en opleidingsplannen van de privacyfunctionarissen.",
                legal_basis: "AVG art. 24 lid 1; AVG art. 37 lid 5; AVG art. 39 lid 1 sub b",
            },
            ExampleCriterion {
                code: "11.3",
                text: "De gemeente zorgt dat alle medewerkers en ingehuurde krachten gebonden zijn aan geheimhouding en bekend zijn met de gedragsregels voor het omgaan met persoonsgegevens.",
                explanation: "Bewijs: de afgelegde eed of belofte, geheimhoudingsverklaringen van externen en een gedragscode voor onder meer e-mail, thuiswerken en het gebruik van online diensten en AI-toepassingen die de gemeente niet heeft goedgekeurd.",
                legal_basis: "AVG art. 28 lid 3 sub b; AVG art. 32 lid 4; Ambtenarenwet 2017 art. 9",
            },
            ExampleCriterion {
                code: "11.4",
                text: "De gemeente meet het effect van de bewustwordingsactiviteiten, bijvoorbeeld met phishingsimulaties, kennistoetsen of het aantal gemelde incidenten, en past het programma daarop aan.",
                explanation: "Deelname zegt weinig over gedrag; een meting laat zien of het programma werkt. Bewijs: meetresultaten over meerdere jaren en de aanpassingen die daarop zijn gebaseerd.",
                legal_basis: "AVG art. 24 lid 1; AVG art. 32 lid 1 sub d",
            },
        ],
    },
    ExampleTheme {
        name: "Monitoring, verantwoording en rapportage",
        criteria: &[
            ExampleCriterion {
                code: "12.1",
                text: "De FG houdt volgens een jaarplan toezicht op de naleving van de AVG en legt daarover ten minste jaarlijks verantwoording af in een jaarrapportage aan het college.",
                explanation: "De jaarrapportage beschrijft de stand van zaken, de belangrijkste risico's en de opvolging van eerdere adviezen. Bewijs: het jaarplan van de FG, de jaarrapportage en de behandeling ervan in het college.",
                legal_basis: "AVG art. 38 lid 3; AVG art. 39 lid 1 sub b",
            },
            ExampleCriterion {
                code: "12.2",
                text: "De gemeente werkt voor gegevensbescherming met een cyclus van plannen, uitvoeren, controleren en bijsturen: zij stelt jaarlijks doelen en acties vast, bewaakt de voortgang en stuurt bij.",
                explanation: "De uitkomst van deze zelfbeoordeling is een bron voor de planning van het volgende jaar. Bewijs: een privacyjaarplan, voortgangsrapportages en een actielijst met eigenaar en termijn.",
                legal_basis: "AVG art. 5 lid 2; AVG art. 24 lid 1",
            },
            ExampleCriterion {
                code: "12.3",
                text: "De gemeente laat de werking van de privacymaatregelen periodiek onafhankelijk toetsen, door een interne audit of een externe auditor, en volgt de bevindingen aantoonbaar op.",
                explanation: "Een toets door iemand die niet zelf verantwoordelijk is voor de uitvoering geeft zekerheid over de werking, niet alleen over het bestaan van maatregelen. Bewijs: auditrapporten en de opvolging van bevindingen.",
                legal_basis: "AVG art. 24 lid 1; AVG art. 32 lid 1 sub d; BIO, ISO/IEC 27002:2022 maatregel 5.35",
            },
            ExampleCriterion {
                code: "12.4",
                text: "Het college informeert de raad periodiek over de stand van de gegevensbescherming, zodat de raad zijn controlerende taak kan uitoefenen.",
                explanation: "Dit kan via de jaarrapportage van de FG, de paragraaf bedrijfsvoering in de jaarstukken of de verantwoording over informatieveiligheid (ENSIA). Bewijs: raadsinformatiebrieven en de agendering in de raad of een raadscommissie.",
                legal_basis: "Gemeentewet art. 169; AVG art. 5 lid 2",
            },
            ExampleCriterion {
                code: "12.5",
                text: "De gemeente kan haar naleving aantonen met een actuele en vindbare verzameling bewijsstukken, zoals het register, DPIA's, verwerkersovereenkomsten, het datalekregister en het register van verzoeken, en werkt op verzoek samen met de Autoriteit Persoonsgegevens.",
                explanation: "Verantwoordingsplicht betekent dat de gemeente naleving moet kunnen aantonen, niet alleen naleven. Een auditor vraagt de bewijsstukken op en let op actualiteit, eigenaarschap en versiebeheer.",
                legal_basis: "AVG art. 5 lid 2; AVG art. 31; AVG art. 58 lid 1",
            },
        ],
    },
    ExampleTheme {
        name: "Bijzondere persoonsgegevens en BSN",
        criteria: &[
            ExampleCriterion {
                code: "13.1",
                text: "De gemeente weet welke verwerkingen bijzondere categorieën van persoonsgegevens bevatten en heeft per verwerking vastgelegd op welke uitzondering op het verwerkingsverbod zij zich beroept.",
                explanation: "Voorbeelden zijn gezondheidsgegevens bij de Wmo en de Jeugdwet en gegevens over godsdienst of etniciteit. De uitzondering volgt uit artikel 9 lid 2 AVG in combinatie met de UAVG of een specifieke wet, en staat per verwerking in het register.",
                legal_basis: "AVG art. 9 lid 1; AVG art. 9 lid 2; UAVG art. 22 t/m 30",
            },
            ExampleCriterion {
                code: "13.2",
                text: "De gemeente verwerkt persoonsgegevens van strafrechtelijke aard alleen als een wettelijke uitzondering dat toestaat, en heeft dat per verwerking vastgelegd.",
                explanation: "Dit speelt bijvoorbeeld bij Bibob-onderzoeken, handhaving en het zorg- en veiligheidsdomein. Bewijs: de vastgelegde grondslag in het register en een beperkte kring van medewerkers met toegang tot deze gegevens.",
                legal_basis: "AVG art. 10; UAVG art. 31 t/m 33",
            },
            ExampleCriterion {
                code: "13.3",
                text: "De gemeente gebruikt het burgerservicenummer alleen ter uitvoering van een wet of voor doelen die bij wet zijn bepaald, en vraagt of toont het BSN niet onnodig.",
                explanation: "Binnen haar wettelijke taken mag de gemeente het BSN gebruiken, maar ook dan geldt dataminimalisatie, bijvoorbeeld in correspondentie, op formulieren en bij openbaarmaking. Bewijs: een overzicht van processen waarin het BSN wordt gebruikt en controles op formulieren en publicaties.",
                legal_basis: "UAVG art. 46 lid 1; AVG art. 87; Wet algemene bepalingen burgerservicenummer art. 10",
            },
            ExampleCriterion {
                code: "13.4",
                text: "De gemeente neemt voor bijzondere en strafrechtelijke persoonsgegevens aanvullende maatregelen, zoals strikte autorisaties, logging en versleuteling, en toetst of een DPIA verplicht is.",
                explanation: "Grootschalige verwerking van deze gegevens vraagt altijd een DPIA. Bewijs: de risicoanalyse of DPIA per betrokken verwerking en de daarin genoemde maatregelen.",
                legal_basis: "AVG art. 9 lid 2 sub g; AVG art. 32 lid 1; AVG art. 35 lid 3 sub b",
            },
            ExampleCriterion {
                code: "13.5",
                text: "De gemeente raadpleegt en verstrekt gegevens uit de Basisregistratie Personen (BRP) alleen binnen de autorisaties en verstrekkingsregels van de Wet BRP, en controleert het gebruik daarvan.",
                explanation: "Ook binnen de gemeente krijgt een afdeling alleen de BRP-gegevens die zij voor haar taak nodig heeft. Bewijs: vastgestelde autorisaties per afnemer of afdeling, protocollering van verstrekkingen en periodieke controles op de raadpleging.",
                legal_basis: "Wet BRP hoofdstuk 3; AVG art. 5 lid 1 sub b en c; AVG art. 32 lid 1",
            },
        ],
    },
];
