//go:build ignore

// gen writes the corpus of exports init is tested on: four organisations
// whose systems spell their headers, sheet names and consent labels in
// ways the header profiles do not list as whole names (Dutch compounds in
// another order, abbreviations, English camelCase and snake_case, old
// upper-case exports). All data is synthetic. Run from the repository root:
//
//	go run ./profiles/testdata/corpus/gen.go
//
// The expected mapping of every export is in want.map beside the exports,
// written by hand, not generated: it is what a person reading the exports
// would map them to.
package main

import (
	"encoding/csv"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

const root = "profiles/testdata/corpus"

var rng = rand.New(rand.NewSource(13))

func main() {
	kids := children(16)
	kindkompas(kids)
	englishco(kids)
	oudsysteem(kids)
	kinderhuis(kids)
}

type child struct {
	nr, first, prefix, last, gender, bsn, city string
	birth, start                               time.Time
	end                                        time.Time // zero while in care
	group                                      string
}

var firsts = []string{"Noor", "Sem", "Lotte", "Daan", "Yara", "Finn", "Saar", "Levi", "Mila", "Luuk", "Zoë", "Adam", "Fenna", "Milan", "Isa", "Bram"}
var lasts = []string{"Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Kok", "Jacobs", "Vermeulen", "Schouten"}
var groups = []string{"Egeltjes", "Vlinders", "Uilen", "Kikkers"}

func children(n int) []child {
	var out []child
	for i := 0; i < n; i++ {
		birth := time.Date(2018+rng.Intn(7), time.Month(1+rng.Intn(12)), 1+rng.Intn(28), 0, 0, 0, 0, time.UTC)
		start := birth.AddDate(0, 3+rng.Intn(12), 0)
		c := child{nr: fmt.Sprintf("%d", 20100+i*7), first: firsts[i], last: lasts[i], gender: []string{"Jongen", "Meisje"}[i%2],
			bsn: bsn(i), city: "Wiekendam", birth: birth, start: start, group: groups[i%len(groups)]}
		if i%5 == 0 {
			c.prefix = "van"
		}
		if i%4 == 3 {
			c.end = start.AddDate(2, 0, 0)
		}
		out = append(out, c)
	}
	return out
}

// bsn makes a synthetic number that passes the 11-check.
func bsn(i int) string {
	for n := 100000000 + i*7919*13; ; n++ {
		s := fmt.Sprintf("%09d", n)
		sum := 0
		for k := 0; k < 8; k++ {
			sum += int(s[k]-'0') * (9 - k)
		}
		sum -= int(s[8] - '0')
		if sum%11 == 0 {
			return s
		}
	}
}

func nl(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02-01-2006")
}

func iso(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func writeCSV(rel string, comma rune, above [][]string, header []string, rows [][]string) {
	path := filepath.Join(root, rel)
	must(os.MkdirAll(filepath.Dir(path), 0o755))
	f, err := os.Create(path)
	must(err)
	w := csv.NewWriter(f)
	w.Comma = comma
	for _, r := range above {
		must(w.Write(r))
	}
	must(w.Write(header))
	for _, r := range rows {
		must(w.Write(r))
	}
	w.Flush()
	must(w.Error())
	must(f.Close())
}

type sheet struct {
	name   string
	header []string
	rows   [][]any
}

func writeXLSX(rel string, sheets []sheet) {
	path := filepath.Join(root, rel)
	must(os.MkdirAll(filepath.Dir(path), 0o755))
	f := excelize.NewFile()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	for i, sh := range sheets {
		if i == 0 {
			must(f.SetSheetName("Sheet1", sh.name))
		} else {
			_, err := f.NewSheet(sh.name)
			must(err)
		}
		for c, h := range sh.header {
			cell, _ := excelize.CoordinatesToCellName(c+1, 1)
			must(f.SetCellValue(sh.name, cell, h))
		}
		for r, row := range sh.rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
				switch v := v.(type) {
				case time.Time:
					if v.IsZero() {
						continue
					}
					must(f.SetCellValue(sh.name, cell, v))
					must(f.SetCellStyle(sh.name, cell, cell, dateStyle))
				default:
					must(f.SetCellValue(sh.name, cell, v))
				}
			}
		}
	}
	must(f.SaveAs(path))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// kindkompas: a Dutch administration whose headers put the words of the
// profiles in another order or abbreviate them; a parent app; a registers
// workbook kept by hand.
func kindkompas(kids []child) {
	var rows [][]string
	for _, k := range kids {
		rows = append(rows, []string{k.nr, k.first, k.prefix, k.last, nl(k.birth), k.gender, k.bsn, "Molenstraat " + fmt.Sprint(3+len(k.first)),
			"4835 VB", k.city, "Vestiging Noord", k.group, nl(k.start), nl(k.end), ""})
	}
	writeCSV("kindkompas/Kindkompas overzicht kinderen.csv", ';',
		[][]string{{"Kindkompas - overzicht kinderen"}, {"Peildatum: 01-09-2026"}, {}},
		[]string{"Administratienummer kind", "Roepnaam kind", "Tussenv.", "Achternaam kind", "Geboren op", "Geslacht", "Burgerservicenr.",
			"Straat en huisnr.", "Postcode", "Woonplaats", "Vestiging", "Stamgroep", "Datum start opvang", "Datum einde opvang", "Allergieën"},
		rows)

	rows = nil
	for i, k := range kids {
		rows = append(rows, []string{fmt.Sprintf("R%04d", 2*i+1), k.nr, "Anna " + k.last, strings.ToLower("anna."+k.last) + "@example.com",
			"06-1234" + fmt.Sprintf("%04d", i), "NL91ABNA0417164300", "moeder"})
	}
	writeCSV("kindkompas/Kindkompas ouders.csv", ';', nil,
		[]string{"Relatienr.", "Kind", "Naam", "E-mailadres", "Telefoon mobiel", "IBAN", "Relatie tot kind"}, rows)

	var appKids, contacts, answers, photos [][]any
	labels := []string{"Foto's op social media en website", "Foto's in de ouderapp", "Mag opgehaald worden door anderen",
		"Vervoer per bus of auto", "Vriendje mag komen spelen", "Mag bij een vriendje spelen", "Zelfstandig van school naar de BSO", "Mag alleen naar huis"}
	for i, k := range kids {
		id := fmt.Sprintf("APP-%03d", 500+i)
		appKids = append(appKids, []any{id, k.nr, k.first, k.last, k.birth, k.group, k.start, k.end})
		contacts = append(contacts, []any{id, "Anna " + k.last, strings.ToLower("anna."+k.last) + "@example.com", []string{"ja", "nee"}[i%3/2], time.Date(2026, 8, 1+i, 9, 30, 0, 0, time.UTC)})
		for j, l := range labels {
			answers = append(answers, []any{id, l, []string{"Ja", "Nee"}[(i+j)%3/2], time.Date(2025, 9, 1+i, 0, 0, 0, 0, time.UTC), "Anna " + k.last})
		}
		photos = append(photos, []any{fmt.Sprintf("F%05d", 7000+i), id, time.Date(2026, 6, 1+i, 0, 0, 0, 0, time.UTC), k.group, "Pedagogisch medewerker"})
	}
	writeXLSX("kindkompas/Ouderapp/ouderapp export.xlsx", []sheet{
		{"Kinderen in app", []string{"KindID app", "Administratienr.", "Voornaam", "Achternaam", "Geboortedatum", "Groep", "Geplaatst vanaf", "Geplaatst t/m"}, appKids},
		{"Contactpersonen", []string{"KindID app", "Naam contactpersoon", "E-mail", "Heeft app-account", "Laatste keer ingelogd"}, contacts},
		{"Antwoorden toestemmingsvragen", []string{"KindID app", "Vraag", "Antwoord", "Beantwoord op", "Ingevuld door"}, answers},
		{"Foto's dagboek", []string{"Foto nr", "KindID app", "Datum geplaatst", "Groep", "Geplaatst door"}, photos},
	})

	var posts, vendors, leaks [][]any
	for i := 0; i < 6; i++ {
		k := kids[i*2]
		mark := ""
		if i%3 != 2 {
			mark = "x"
		}
		posts = append(posts, []any{fmt.Sprintf("B-%03d", 100+i), k.nr, time.Date(2026, 3, 2+i, 0, 0, 0, 0, time.UTC), "Facebook",
			fmt.Sprintf("TS-%d", 10390+i), mark})
	}
	vendors = [][]any{
		{"Kindkompas", "Kindkompas BV", "Kindadministratie", time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 10, 0, 0, 0, 0, time.UTC), "ja"},
		{"Ouderapp", "Ouderapp NL", "Communicatie met ouders", time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC), time.Time{}, "ja"},
		{"Facebook", "Meta", "Social media", time.Time{}, time.Time{}, "ja"},
	}
	leaks = [][]any{
		{"DL-2026-01", time.Date(2026, 2, 3, 10, 0, 0, 0, time.UTC), "nee", time.Time{}, "nee", "E-mail met foto naar verkeerde ouder"},
		{"DL-2026-02", time.Date(2026, 4, 14, 8, 0, 0, 0, time.UTC), "ja", time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC), "nee", "Laptop gestolen (versleuteld)"},
	}
	writeXLSX("kindkompas/AVG/registers 2026.xlsx", []sheet{
		{"Posts social media", []string{"Bericht", "Kindnr.", "Geplaatst op", "Platform", "Toestemming", "Schriftelijk akkoord (x)"}, posts},
		{"Leveranciers", []string{"Naam applicatie", "Leverancier", "Waarvoor", "VWO ondertekend", "VWO verloopt op", "Nog in gebruik"}, vendors},
		{"Datalekregister", []string{"Volgnummer", "Datum ontdekt", "Melden aan AP", "Datum melding AP", "Hoog risico", "Wat is er gebeurd"}, leaks},
	})
}

// englishco: an English-language system with camelCase and snake_case
// headers.
func englishco(kids []child) {
	var rows [][]string
	for _, k := range kids {
		rows = append(rows, []string{"C" + k.nr, k.first, strings.TrimSpace(k.prefix + " " + k.last), iso(k.birth), map[string]string{"Jongen": "Male", "Meisje": "Female"}[k.gender],
			k.bsn, "Main site", k.group, iso(k.start), iso(k.end)})
	}
	writeCSV("englishco/children_export.csv", ',', nil,
		[]string{"ChildNo", "GivenName", "FamilyName", "DateOfBirth", "Sex", "CitizenServiceNumber", "Site", "Room", "JoiningDate", "LeavingDate"}, rows)

	rows = nil
	for i, k := range kids {
		rows = append(rows, []string{fmt.Sprintf("P%03d", i+1), "C" + k.nr, "Sam " + k.last, strings.ToLower("sam."+k.last) + "@example.org", "+316555" + fmt.Sprintf("%04d", i), "Father"})
	}
	writeCSV("englishco/guardians.csv", ',', nil, []string{"ParentID", "ChildNo", "FullName", "EmailAddress", "MobilePhone", "RelationshipToChild"}, rows)

	rows = nil
	var perms [][]string
	labels := []string{"Photos in the parent app", "Photos on social media", "Collection by other adults", "Transport by minibus",
		"Friend may visit", "May visit a friend", "Walks from school alone", "May go home alone"}
	for i, k := range kids {
		id := fmt.Sprintf("k-%d", 9000+i)
		rows = append(rows, []string{id, "C" + k.nr, k.first, k.last, iso(k.birth), k.group, iso(k.start), iso(k.end)})
		for j, l := range labels {
			perms = append(perms, []string{id, l, []string{"yes", "no"}[(i+j)%4/3], "2025-09-0" + fmt.Sprint(1+j), "Sam " + k.last})
		}
	}
	writeCSV("englishco/portal/kids.csv", ',', nil, []string{"kid_id", "admin_no", "first_name", "last_name", "birth_date", "room", "placed_from", "placed_until"}, rows)
	writeCSV("englishco/portal/permissions.csv", ',', nil, []string{"kid_id", "permission", "answer", "answered_at", "answered_by"}, perms)
}

// oudsysteem: an old administration that exports upper-case tab-separated
// text, and a child-tracking system.
func oudsysteem(kids []child) {
	var rows [][]string
	for _, k := range kids {
		rows = append(rows, []string{k.nr, k.first, strings.TrimSpace(k.prefix + " " + k.last), nl(k.birth), k.bsn, nl(k.start), nl(k.end), "HOOFDLOCATIE", strings.ToUpper(k.group)})
	}
	writeCSV("oudsysteem/KINDEREN.TXT", '\t', nil, []string{"KINDNR", "VOORNAMEN", "ACHTERNAAM", "GEB_DATUM", "SOFINR", "INSCHRIJFDATUM", "UITSCHRIJFDATUM", "LOCATIE", "GROEP"}, rows)

	rows = nil
	var obs [][]string
	for i, k := range kids {
		id := fmt.Sprintf("L%03d", 300+i)
		vve := []string{"Ja", "Nee"}[i%3/2]
		rows = append(rows, []string{id, k.nr, k.first, k.last, nl(k.birth), k.group, vve, "Juf Petra", nl(k.end)})
		obs = append(obs, []string{id, nl(k.start.AddDate(1, 0, 0)), "Juf Petra"})
	}
	writeCSV("oudsysteem/KIJK/leerlingen.csv", ';', nil, []string{"Leerlingnr", "Adm.nr.", "Roepnaam", "Achternaam", "Geb.datum", "Groep", "VVE", "Mentor", "Uitgeschreven per"}, rows)
	writeCSV("oudsysteem/KIJK/observaties.csv", ';', nil, []string{"Leerlingnr", "Datum", "Observant"}, obs)
}

// kinderhuis: exports of another administration and portal, with a key
// called a reference, yes/no answers written as "Akkoord" and "Niet
// akkoord", consent questions phrased its own way, and registers in
// one-sheet workbooks.
func kinderhuis(kids []child) {
	var rows, perms [][]string
	labels := []string{"Publicatie van foto's op website en Facebook", "Foto's delen in het ouderportaal", "Ophalen door opa, oma of buren",
		"Vervoer met de bolderkar of bus", "Vriendjes mogen mee naar de BSO komen spelen", "Spelen bij een vriendje thuis", "Alleen van school naar de BSO lopen", "Alleen naar huis fietsen"}
	for i, k := range kids {
		rows = append(rows, []string{"KH-" + k.nr, k.first, strings.TrimSpace(k.prefix + " " + k.last), nl(k.birth), "Locatie " + k.city, k.group, nl(k.start), nl(k.end), "Dagopvang"})
		for j, l := range labels {
			perms = append(perms, []string{fmt.Sprintf("%d", 4400+i), l, []string{"Akkoord", "Niet akkoord"}[(i+j)%3/2], nl(time.Date(2025, 9, 1+j, 0, 0, 0, 0, time.UTC)) + " 10:1" + fmt.Sprint(j), "Ouder/verzorger"})
		}
	}
	writeCSV("kinderhuis/Export_Kinderen_20260901.csv", ';', nil,
		[]string{"Kind referentie", "Naam kind (roepnaam)", "Familienaam", "Geboortedatum kind", "Locatienaam", "Groepsnaam", "Datum eerste opvangdag", "Datum laatste opvangdag", "Soort opvang"}, rows)

	var portal [][]any
	for i, k := range kids {
		portal = append(portal, []any{fmt.Sprintf("%d", 4400+i), "KH-" + k.nr, k.first, k.last, k.birth, k.start, k.end})
	}
	writeXLSX("kinderhuis/portaal/kinderen portaal.xlsx", []sheet{{"Blad1", []string{"ID", "Referentie administratie", "Voornaam", "Achternaam", "Geboortedatum", "Begin plaatsing", "Einde plaatsing"}, portal}})
	writeCSV("kinderhuis/portaal/toestemmingen.csv", ';', nil, []string{"ID kind", "Toestemming voor", "Status", "Laatst gewijzigd", "Gewijzigd door"}, perms)

	staff := [][]any{
		{"P01", "Petra de Wit", "Pedagogisch medewerker", "Egeltjes", time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC), time.Time{}},
		{"P02", "Karim Amrani", "Beheerder", "", time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC)},
	}
	writeXLSX("kinderhuis/AVG/medewerkers.xlsx", []sheet{{"Blad1", []string{"Personeelsnr.", "Volledige naam", "Functie", "Groep(en)", "In dienst per", "Uit dienst per"}, staff}})
	accounts := [][]any{
		{"Portaal", "petra.dewit", "P01", "J", time.Date(2026, 8, 30, 8, 0, 0, 0, time.UTC)},
		{"Portaal", "karim.amrani", "P02", "J", time.Date(2026, 7, 2, 8, 0, 0, 0, time.UTC)},
		{"Portaal", "groep.egeltjes", "", "J", time.Date(2026, 8, 31, 8, 0, 0, 0, time.UTC)},
	}
	writeXLSX("kinderhuis/AVG/accounts.xlsx", []sheet{{"Blad1", []string{"Applicatie", "Inlog", "Personeelsnr.", "Actief (J/N)", "Laatste aanmelding"}, accounts}})
}
