package cli

import "github.com/avgaudit/avgaudit/app"

// Dutch help texts (the default language); the English ones stand next to
// each command. The words follow the reports: controle (check), bevinding
// (finding), peildatum (reference date), beleidsbestand (policy file),
// steekproef (sample).

const mainHelpNL = `avgaudit controleert hoe een kinderopvangorganisatie (kinderopvang, BSO,
peuteropvang) met persoonsgegevens omgaat volgens de AVG. Het leest de CSV- en
Excel-exports van de kindadministratie, het ouderportaal, het kindvolgsysteem en de
privacyregisters in DuckDB in, voert SQL-controles uit die de privacyverklaring
toetsen aan de feiten, en schrijft rapporten in Excel, HTML en JSON.

Gebruik:
  avgaudit audit [BRONMAP] [opties]    voer een audit uit (zonder BRONMAP: de ingebouwde voorbeeldorganisatie)
  avgaudit init BRONMAP [opties]       herken de exports in een map en schrijf het manifest
  avgaudit checks [show ID]            toon de controles, of leg er een uit (--checks MAP: met je eigen)
  avgaudit sample [BRONMAP] [opties]   trek een steekproef als Excel-checklist voor de controle door de FG
  avgaudit version                     toon de versie, commit en builddatum

Voorbeelden:
  avgaudit audit                                      # demo op de voorbeeldorganisatie
  avgaudit init ./exports                             # schrijft ./exports/manifest.yaml om na te kijken
  avgaudit audit ./exports --as-of 2026-09-01 --out ./rapport
  avgaudit audit ./exports --db audit.duckdb          # bewaar de database om later te bevragen
  avgaudit checks show retention_portal
  avgaudit sample --check photo_without_consent --size 10 --seed 42

'avgaudit audit --help' toont de opties van de audit, de bronmap en de exitcodes.
Met --lang en zijn alle teksten Engels (English: avgaudit --help --lang en).
`

const auditHelpNL = `Gebruik: avgaudit audit [BRONMAP] [opties]

Leest elke export uit BRONMAP/manifest.yaml in DuckDB in (zonder manifest: de exports
die herkend worden zoals avgaudit init dat doet), voert de controles uit (alle
ingebouwde, beperkt met --only/--skip, plus je eigen met --checks), vergelijkt met de
resultaten van vorig jaar, past het register van geaccepteerde risico's toe en schrijft
de rapporten naar --out, per doelgroep (--audience):
  risk        %s, %s, %s: de jaarlijkse risicoanalyse (risicoscores en
              matrix, trend, geaccepteerde risico's, datakwaliteit, werkwijze); gepseudonimiseerd
  fg          rapport-fg.html, rapport-fg.xlsx, resultaten-fg.json: elke bevinding met
              haar record, bronbestand en rij, om door de FG op te volgen
  management  rapport-bestuur.html, .xlsx, resultaten-bestuur.json: één pagina voor het
              bestuur, zonder persoonsgegevens, aantallen onder 5 als "< 5"
De volledige resultaten worden ook bewaard in OUT/historie/ om volgend jaar mee te vergelijken.
Zonder BRONMAP wordt de in avgaudit ingebouwde voorbeeldorganisatie geaudit.

Het manifest noemt per systeem (admin, portal, tracking, register) het product en per
bestand de tabel, het werkblad (xlsx), de koppeling van de kolommen en van de waarden;
zie docs/manifest.md. Kolommen die de audit niet nodig heeft, worden niet ingelezen.
Rijen met waarden die niet te lezen zijn, worden niet ingelezen maar als afgewezen
vermeld, met bestand, rij, kolom en de verwachte vorm, op het scherm en in elk rapport.

Opties:
%s
Voorbeelden:
  avgaudit audit
  avgaudit audit ./exports --as-of 2026-09-01 --out ./rapport
  avgaudit audit ./exports --db audit.duckdb --lang en
  avgaudit audit ./exports --only toestemming,bewaartermijnen --skip consent_reconfirmation
  avgaudit audit ./exports --checks ./eigen-controles
  avgaudit audit ./exports --audience all --previous ./vorig-jaar/resultaten-fg.json
  avgaudit audit ./exports --accepted-risks ./geaccepteerde-risicos.yaml
  duckdb audit.duckdb "SELECT * FROM portal_photos LIMIT 5"

EXITCODES
  0  de audit is uitgevoerd en de rapporten zijn geschreven (ook als er bevindingen zijn)
  1  de audit kon niet worden afgemaakt (fout in manifest of exports, onleesbaar bestand,
     --strict met afgewezen rijen)
  2  de opdrachtregel klopt niet
  3  met --fail-on-findings: de rapporten zijn geschreven en er zijn open bevindingen
     (bevindingen die niet onder een geaccepteerd risico vallen)
`

const initHelpNL = `Gebruik: avgaudit init BRONMAP [opties]

Bekijkt elk .csv-, .tsv-, .txt- en .xlsx-bestand in BRONMAP en de submappen (elk
werkblad van een werkmap), herkent aan de kopregel en de waarden eronder welke tabel
het bevat, en schrijft een manifest dat elke export noemt met zijn tabel en de
koppeling van de kolommen. Een kolomkop wordt herkend aan zijn woorden, Nederlands of
Engels, in elke volgorde en spelling ("Datum einde opvang" = "Einddatum opvang" =
"LeavingDate"); de waarden bevestigen of beslissen (ja/nee-antwoorden, een vinkkolom
van x en leeg, datums, BSN's, toestemmingsvragen, de sleutels van een andere export).
Titels en lege regels boven de kopregel worden overgeslagen. Een bestand waarin een
verplichte kolom ontbreekt, krijgt een concept met de kolomkoppen die het het meest
waarschijnlijk zijn; wat niet geplaatst kon worden, staat met de reden op het scherm
en onderaan het manifest.

Kijk het manifest na vóór de audit: het commentaar boven elk bestand zegt als wat het
herkend is en welke kolommen niet worden ingelezen, het commentaar achter elke koppeling
waarom die gemaakt is; controleer de regels met REVIEW. Vul de organisatie in en elk
product dat "onbekend" is (het verwerkersregister hoort het onder die naam te noemen).
Een peildatum die de exports boven hun kopregel geven ("Peildatum: 01-09-2026"), wordt
als as_of geschreven: de datum vanaf waar bewaartermijnen en deadlines gelden.
'avgaudit audit BRONMAP' zonder manifest doet dezelfde herkenning in het geheugen.

Opties:
%s
Voorbeelden:
  avgaudit init ./exports
  avgaudit init ./exports --out concept-manifest.yaml
  avgaudit audit ./exports --as-of 2026-09-01

EXITCODES
  0  het manifest is geschreven (ook als sommige bestanden niet geplaatst konden worden)
  1  geen enkele export kon geplaatst worden, of een bestand kon niet gelezen of
     geschreven worden
  2  de opdrachtregel klopt niet, of het manifest bestaat al en --force is niet gegeven
`

const sampleHelpNL = `Gebruik: avgaudit sample [BRONMAP] [--check ID | --table T] [opties]

Trekt een herhaalbare aselecte steekproef voor de controle door de FG (functionaris
gegevensbescherming) en schrijft die als Excel-checklist. Het eerste werkblad noemt de
getrokken records: systeem, tabel, recordsleutel, bronbestand en rij, en wat de
systemen zeggen (de bevinding en haar waarden, of de kolommen van de rij; BSN
gemaskeerd), gevolgd door lege kolommen voor wat de FG op papier vindt:
"toestemmingsformulier aanwezig?" (bij toestemmingscontroles en -tabellen), "klopt met
het systeem?" (keuzelijsten), een opmerking, wie het controleerde en wanneer. Het
wordt afgedrukt op A4 liggend met de kop op elke pagina. Het tweede werkblad legt de
seed vast, de omvang, de populatie, de peildatum, de invoerbestanden met hun SHA-256
en de opdracht die dezelfde steekproef opnieuw trekt.

De steekproef wordt getrokken uit:
  --check ID    de bevindingen van één controle
  --table T     de rijen van één tabel
  geen van twee de bevindingen van alle controles
Zonder BRONMAP wordt de in avgaudit ingebouwde voorbeeldorganisatie gebruikt, zoals bij audit.

De populatie wordt geordend op bronbestand, rij en recordsleutel, en een generator met
--seed kiest de records zonder teruglegging. Dezelfde seed op dezelfde exports met
dezelfde opties geeft dezelfde records in dezelfde volgorde; een andere seed geeft een
andere steekproef. Zonder --seed wordt een willekeurige seed getrokken en getoond. De
records staan in de volgorde van trekking: alleen de eerste n controleren is nog
steeds een aselecte steekproef.

Opties:
%s
Voorbeelden:
  avgaudit sample --check photo_without_consent --size 10
  avgaudit sample ./exports --table portal_consents --seed 20260901
  avgaudit sample ./exports --seed 123456789 --as-of 2026-09-01 --out steekproef.xlsx

EXITCODES
  0  de checklist is geschreven
  1  niets om uit te trekken (de controle heeft geen bevindingen, de tabel geen rijen),
     of de exports konden niet gelezen of de checklist niet geschreven worden
  2  de opdrachtregel klopt niet (een onbekende controle of tabel, --check met --table),
     of de checklist bestaat al en --force is niet gegeven
`

const checksHelpNL = `Gebruik: avgaudit checks [show] [ID] [opties]

Zonder ID: toont elke controle (id, gebied, ernst, titel).
Met ID: legt de controle in woorden uit: wat ze vindt en waarom, wat te doen, de
juridische bron, de beleidsinstellingen die ze gebruikt (met de sleutel voor het
beleidsbestand) en de tabellen die ze nodig heeft; --sql voegt de SQL toe.
Met --checks MAP worden ook je eigen controles (elk .sql-bestand in MAP) getoond;
een controle met een fout in haar kop wordt getoond met het bestand, de regel en de fout.

Opties:
%s
Voorbeelden:
  avgaudit checks
  avgaudit checks show photo_without_consent
  avgaudit checks show photo_without_consent --sql --lang en
  avgaudit checks --checks ./eigen-controles
`

// flagUsageNL are the Dutch help lines of the flags, by command and flag
// name; `NAME` marks the argument's name, as in pflag's usages.
var flagUsageNL = map[string]string{
	"audit.as-of":                 "`DATUM` (JJJJ-MM-DD), de peildatum van de audit: bewaartermijnen en deadlines gelden\nvanaf die dag (standaard: as_of van het manifest, anders vandaag; de voorbeelden: 2026-09-01)",
	"audit.out":                   "`MAP` voor de rapporten (en, in " + HistoryDirName + "/, de geschiedenis van eerdere audits)",
	"audit.audience":              "schrijf de rapporten voor `LIJST`: risk (jaarlijkse risicoanalyse: " + HTMLName + ", ...), fg\n(controle door de FG, alle details: rapport-fg.*), management (het bestuur, zonder\npersoonsgegevens: rapport-bestuur.*) of all; gescheiden door komma's",
	"audit.previous":              "vergelijk met de resultaten van vorig jaar: een `PAD` naar resultaten.json / resultaten-fg.json,\nof een historiemap (standaard: previous van het manifest, anders de nieuwste eerdere run in\nOUT/" + HistoryDirName + ")",
	"audit.accepted-risks":        "`BESTAND` met het register van geaccepteerde risico's (YAML, docs/accepted-risks.md);\neen werkblad van de registers gekoppeld aan accepted_risks geldt ook",
	"audit.pseudonym-key":         "`BESTAND` met de sleutel voor de pseudoniemen van het risicorapport (standaard:\nOUT/" + HistoryDirName + "/" + KeyFileName + ", gemaakt bij het eerste gebruik; bewaar hem om pseudoniemen volgend jaar te vergelijken)",
	"audit.no-history":            "bewaar de resultaten niet in OUT/" + HistoryDirName + " en vergelijk er niet mee",
	"audit.db":                    "bewaar de DuckDB-database in `BESTAND` om later te bevragen (standaard: in het geheugen)",
	"audit.policy":                "`BESTAND` met het beleid (YAML): termijnen en drempels (docs/policy.md); gaat voor het beleid van het manifest",
	"audit.lang":                  "`TAAL` van rapporten en scherm: nl (Nederlands) of en (Engels)",
	"audit.strict":                "behandel elke afgewezen rij als fout (exitcode 1, geen rapporten)",
	"audit.fail-on-findings":      "eindig met exitcode 3 als controles bevindingen hebben",
	"audit.quiet":                 "toon alleen waarschuwingen en fouten",
	"audit.checks":                "voer ook je eigen controles uit: elk .sql-bestand in `MAP` (vorm: docs/checks.md)",
	"audit.only":                  "voer alleen de controles in `LIJST` uit: ids van controles of codes van gebieden, gescheiden\ndoor komma's (bijv. toestemming,request_overdue); herhaalbaar",
	"audit.skip":                  "sla de controles in `LIJST` over: ids van controles of codes van gebieden, gescheiden door komma's; herhaalbaar",
	"audit.password-file":         "open werkmappen met een wachtwoord met het wachtwoord in `BESTAND` (het bestand bevat\nalleen het wachtwoord; het wordt nooit getoond)",
	"audit.encrypt":               "beveilig de Excel-rapporten met een wachtwoord, uit de omgevingsvariabele\n" + app.EncryptEnv + " of het bestand van --encrypt-password-file (nooit van de opdrachtregel,\ndie anderen kunnen zien); de HTML en JSON van de FG worden dan niet geschreven",
	"audit.encrypt-password-file": "met --encrypt: het wachtwoord van de rapporten is de eerste regel van `BESTAND`",
	"audit.fg-html-json":          "met --encrypt: schrijf de HTML en JSON van de FG toch (die kunnen niet beveiligd worden)",

	"init.out":           "schrijf het manifest naar `BESTAND` (standaard: BRONMAP/manifest.yaml; de paden erin\nzijn ten opzichte van BRONMAP)",
	"init.force":         "overschrijf een bestaand manifest",
	"init.password-file": "open werkmappen met een wachtwoord met het wachtwoord in `BESTAND` (nooit getoond)",
	"init.lang":          "`TAAL` van de meldingen en het manifest: nl of en",

	"sample.seed":          "trek met seed `N`: dezelfde seed op dezelfde exports geeft dezelfde steekproef\n(standaard: een willekeurige seed, die getoond wordt)",
	"sample.size":          "trek `N` records (allemaal als de populatie kleiner is)",
	"sample.check":         "trek uit de bevindingen van de controle `ID` (avgaudit checks toont ze)",
	"sample.table":         "trek uit de rijen van de tabel `T` (docs/canonical-model.md)",
	"sample.out":           "schrijf de checklist naar `BESTAND` (standaard: steekproef-<controle|tabel>-<seed>.xlsx\nin de huidige map)",
	"sample.force":         "overschrijf een bestaande checklist",
	"sample.as-of":         "`DATUM` (JJJJ-MM-DD), de peildatum van de audit waarvan de bevindingen getrokken worden\n(standaard: as_of van het manifest, anders vandaag)",
	"sample.lang":          "`TAAL` van de checklist: nl (Nederlands) of en (Engels)",
	"sample.password-file": "open werkmappen met een wachtwoord met het wachtwoord in `BESTAND` (nooit getoond)",

	"checks.checks": "toon ook je eigen controles: elk .sql-bestand in `MAP`",
	"checks.sql":    "bij show: toon ook de SQL van de controle",
	"checks.lang":   "`TAAL` van titels en uitleg: nl of en",
}
