package main

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// fileStat is one written table: a delimited file or one sheet of a workbook.
type fileStat struct {
	File, Sheet, Table string
	Rows               int
}

// delimited describes a text export's dialect.
type delimited struct {
	Comma rune
	BOM   bool // UTF-8 byte order mark, as Excel-minded Windows software writes
	CRLF  bool
}

var (
	kidsadminCSV = delimited{';', true, true}
	kijkCSV      = delimited{',', false, false}
	kijkTSV      = delimited{'\t', false, false}
)

func writeDelimited(path string, d delimited, header []string, rows [][]string) error {
	var buf bytes.Buffer
	if d.BOM {
		buf.WriteString("\ufeff")
	}
	w := csv.NewWriter(&buf)
	w.Comma = d.Comma
	w.UseCRLF = d.CRLF
	if err := w.Write(header); err != nil {
		return err
	}
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// Cell values for workbooks: a dateCell or stampCell becomes a real Excel
// date cell with a Dutch number format; strings are written as text.
type (
	dateCell  time.Time
	stampCell time.Time
)

type sheetData struct {
	Name   string
	Table  string // canonical table, for the row counts
	Header []string
	Rows   [][]any
}

func writeWorkbook(path string, sheets []sheetData) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: "avgaudit samples/generate", LastModifiedBy: "avgaudit samples/generate",
		Created: "2026-09-01T00:00:00Z", Modified: "2026-09-01T00:00:00Z",
		Title: organisation,
	}); err != nil {
		return err
	}
	bold, dateStyle, stampStyle, err := sheetStyles(f)
	if err != nil {
		return err
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return err
		}
		widths := make([]int, len(sh.Header))
		for c, h := range sh.Header {
			ref, _ := excelize.CoordinatesToCellName(c+1, 1)
			if err := f.SetCellStr(sh.Name, ref, h); err != nil {
				return err
			}
			widths[c] = len([]rune(h))
		}
		for r, row := range sh.Rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+2)
				var err error
				switch v := v.(type) {
				case string:
					if v != "" {
						err = f.SetCellStr(sh.Name, ref, v)
					}
					widths[c] = max(widths[c], len([]rune(v)))
				case dateCell:
					if !time.Time(v).IsZero() {
						if err = f.SetCellValue(sh.Name, ref, time.Time(v)); err == nil {
							err = f.SetCellStyle(sh.Name, ref, ref, dateStyle)
						}
					}
					widths[c] = max(widths[c], 10)
				case stampCell:
					if !time.Time(v).IsZero() {
						if err = f.SetCellValue(sh.Name, ref, time.Time(v)); err == nil {
							err = f.SetCellStyle(sh.Name, ref, ref, stampStyle)
						}
					}
					widths[c] = max(widths[c], 16)
				default:
					err = fmt.Errorf("sheet %s: unsupported cell type %T", sh.Name, v)
				}
				if err != nil {
					return err
				}
			}
		}
		last, _ := excelize.CoordinatesToCellName(len(sh.Header), 1)
		if err := f.SetCellStyle(sh.Name, "A1", last, bold); err != nil {
			return err
		}
		for c, w := range widths {
			col, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetColWidth(sh.Name, col, col, float64(min(w, 60))+2); err != nil {
				return err
			}
		}
		if err := f.SetPanes(sh.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func jaNee(b bool) string {
	if b {
		return "Ja"
	}
	return "Nee"
}

func gender(c *Child, boy, girl string) string {
	if c.Boy {
		return boy
	}
	return girl
}

// write writes every export, the manifest and the policy into dir.
func (o *Org) write(dir string) ([]fileStat, error) {
	var stats []fileStat
	text := func(rel, table string, d delimited, rowsOf func() ([]string, [][]string)) error {
		header, rows := rowsOf()
		stats = append(stats, fileStat{File: rel, Table: table, Rows: len(rows)})
		return writeDelimited(filepath.Join(dir, filepath.FromSlash(rel)), d, header, rows)
	}
	book := func(rel string, sheets []sheetData) error {
		for _, s := range sheets {
			stats = append(stats, fileStat{File: rel, Sheet: s.Name, Table: s.Table, Rows: len(s.Rows)})
		}
		return writeWorkbook(filepath.Join(dir, filepath.FromSlash(rel)), sheets)
	}
	for _, sub := range []string{"kidsadmin", "konnect", "kijk", "registers"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, err
		}
	}
	steps := []func() error{
		func() error { return text("kidsadmin/kinderen.csv", "admin_children", kidsadminCSV, o.adminChildren) },
		func() error { return text("kidsadmin/ouders.csv", "admin_guardians", kidsadminCSV, o.adminGuardians) },
		func() error { return text("kidsadmin/facturen.csv", "admin_invoices", kidsadminCSV, o.adminInvoices) },
		func() error { return book("konnect/konnect-export.xlsx", o.konnectSheets()) },
		func() error { return text("kijk/kinderen.csv", "tracking_children", kijkCSV, o.kijkChildren) },
		func() error {
			return text("kijk/observaties.csv", "tracking_observations", kijkCSV, o.kijkObservations)
		},
		func() error { return text("kijk/overdrachten.tsv", "tracking_transfers", kijkTSV, o.kijkTransfers) },
		func() error { return book("registers/privacyregisters.xlsx", o.registerSheets()) },
		func() error {
			return os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(o.manifestYAML()), 0o644)
		},
		func() error { return os.WriteFile(filepath.Join(dir, "policy.yaml"), []byte(policyYAML), 0o644) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return stats, nil
}

// text writers return the header and the rows.

func (o *Org) adminChildren() ([]string, [][]string) {
	// Kidsadmin has a Tussenvoegsel field, but De Klimboom types the
	// tussenvoegsel into the last name: the column stays empty.
	header := []string{"Kindnummer", "Voornaam", "Tussenvoegsel", "Achternaam", "Geslacht", "Geboortedatum", "BSN", "Adres", "Postcode", "Woonplaats",
		"Nationaliteit", "Religie", "Huisarts", "School", "Locatie", "Opvangsoort", "Groep", "Opvangdagen", "Startdatum opvang", "Einddatum opvang", "Opmerkingen"}
	var rows [][]string
	for _, c := range o.Children {
		if c.Deleted {
			continue
		}
		bsn := ""
		if c.KeepBSN {
			bsn = c.BSN
		}
		if c.TypedBSN != "" {
			bsn = c.TypedBSN
		}
		rows = append(rows, []string{c.ID, c.First, "", c.Last, gender(c, "Jongen", "Meisje"), nlDate(c.Birth), bsn, c.Street, c.Postcode, c.City,
			c.Nationality, c.Religion, c.GP, c.School, c.Group.Location, c.Group.careType(), c.Group.Name, strings.Join(c.Days, ", "),
			nlDate(c.Start), nlDate(c.End), c.Remarks})
	}
	return header, rows
}

func (o *Org) adminGuardians() ([]string, [][]string) {
	header := []string{"Oudernummer", "Kindnummer", "Relatie", "Naam", "Geboortedatum", "BSN ouder", "E-mailadres", "Telefoonnummer", "IBAN", "Machtiging incasso", "Ouderlijk gezag"}
	var rows [][]string
	for _, c := range o.Children {
		if c.Deleted {
			continue
		}
		for _, g := range c.Guardians {
			bsn := ""
			if c.KeepBSN {
				bsn = g.BSN
			}
			rows = append(rows, []string{g.ID, c.ID, g.Relation, g.name(), nlDate(g.Birth), bsn, g.Email, g.Phone, g.IBAN, jaNee(g.Mandate), jaNee(true)})
		}
	}
	return header, rows
}

func (o *Org) adminInvoices() ([]string, [][]string) {
	header := []string{"Factuurnummer", "Factuurdatum", "Kindnummer", "Oudernummer", "Debiteur", "Omschrijving", "Uren", "Uurtarief", "Bedrag", "Vervaldatum", "Status"}
	var rows [][]string
	for _, inv := range o.Invoices {
		rows = append(rows, []string{inv.ID, nlDate(inv.Date), inv.Child.ID, inv.Guardian.ID, inv.Guardian.name(), inv.Description,
			nlDecimal(inv.Hours), euro(inv.Rate), euro(inv.Amount), nlDate(inv.Date.AddDate(0, 0, 14)), inv.Status})
	}
	return header, rows
}

func (o *Org) kijkChildren() ([]string, [][]string) {
	// KIJK! keeps the tussenvoegsel apart: "de" and "Vries".
	header := []string{"Kind-ID", "Kindnummer", "Voornaam", "Tussenvoegsel", "Achternaam", "Geboortedatum", "Geslacht", "Groep", "VVE-indicatie", "Mentor", "Thuistaal", "Gearchiveerd op"}
	var rows [][]string
	for _, tc := range o.Tracking {
		c := tc.Child
		link := c.ID
		if tc.Unlinked {
			link = ""
		}
		if tc.Link != "" {
			link = tc.Link
		}
		prefix, last := splitPrefix(cmp.Or(tc.Last, c.Last))
		vve := "nee"
		if tc.VVE {
			vve = "ja"
		}
		rows = append(rows, []string{tc.ID, link, c.First, prefix, last, isoDate(c.Birth), gender(c, "jongen", "meisje"), tc.Group.Name, vve, tc.Mentor, c.Language, isoDate(tc.Archived)})
	}
	return header, rows
}

func (o *Org) kijkObservations() ([]string, [][]string) {
	header := []string{"Kind-ID", "Observatiedatum", "Observator", "Registratiemoment", "Ontwikkelingslijnen"}
	var rows [][]string
	for _, ob := range o.Observations {
		rows = append(rows, []string{ob.TC.ID, isoDate(ob.Date), ob.Author, ob.Moment, ob.Lines})
	}
	return header, rows
}

func (o *Org) kijkTransfers() ([]string, [][]string) {
	header := []string{"Kind-ID", "School", "Verzonden op", "Toestemming ouders getekend op", "Verzendwijze", "VVE-programma", "VVE-duur", "Bijlagen"}
	var rows [][]string
	for _, t := range o.Transfers {
		rows = append(rows, []string{t.TC.ID, t.School, isoDate(t.Sent), isoDate(t.Consent), t.Channel, t.Programme, t.Duration, t.Attachments})
	}
	return header, rows
}

func (o *Org) konnectSheets() []sheetData {
	kids := sheetData{Name: "Kinderen", Table: "portal_children", Header: []string{"Kind-ID", "Kindnummer", "Voornaam", "Tussenvoegsel", "Achternaam",
		"Geboortedatum", "Geslacht", "Locatie", "Groep", "Startdatum plaatsing", "Einddatum plaatsing"}}
	parents := sheetData{Name: "Ouders", Table: "portal_guardians", Header: []string{"Kind-ID", "Naam", "Relatie", "E-mail", "Toegang ouderportaal", "Laatst ingelogd"}}
	for _, pc := range o.Portal {
		c := pc.Child
		link := c.ID
		if pc.Unlinked {
			link = ""
		}
		first := c.First
		if pc.First != "" {
			first = pc.First
		}
		kids.Rows = append(kids.Rows, []any{pc.ID, link, first, "", c.Last, nlDate(pc.Birth), gender(c, "Jongen", "Meisje"),
			c.Group.Location, c.Group.Name, dateCell(pc.Start), dateCell(pc.End)})
		for _, g := range c.Guardians {
			if g.NotInPortal {
				continue
			}
			parents.Rows = append(parents.Rows, []any{pc.ID, g.name(), g.Relation, g.Email, jaNee(g.Access), stampCell(g.LastLogin)})
		}
	}
	notes := sheetData{Name: "Notities", Table: "portal_notes", Header: []string{"Notitie-ID", "Kind-ID", "Categorie", "Grondslag", "Notitie", "Aangemaakt op", "Aangemaakt door"}}
	for _, n := range o.Notes {
		notes.Rows = append(notes.Rows, []any{n.ID, n.PC.ID, noteCategories[n.Category].Label, n.Basis, n.Text, stampCell(n.Created), n.By})
	}
	consents := sheetData{Name: "Toestemmingen", Table: "portal_consents", Header: []string{"Kind-ID", "Kind", "Toestemming", "Antwoord", "Vastgelegd op", "Ingetrokken op", "Gegeven door", "Vastgelegd door"}}
	cs := slices.Clone(o.Consents)
	slices.SortStableFunc(cs, func(a, b *Consent) int {
		if a.PC.ID != b.PC.ID {
			return strings.Compare(a.PC.ID, b.PC.ID)
		}
		if a.Type != b.Type {
			return a.Type - b.Type
		}
		return a.Recorded.Compare(b.Recorded)
	})
	for _, c := range cs {
		consents.Rows = append(consents.Rows, []any{c.PC.ID, c.PC.Child.name(), consentTypes[c.Type].Label, jaNee(c.Granted), nlStamp(c.Recorded), nlStamp(c.Withdrawn), c.GivenBy, c.By})
	}
	photos := sheetData{Name: "Foto's", Table: "portal_photos", Header: []string{"Foto-ID", "Kind-ID", "Geplaatst op", "Groep", "Geplaatst door", "Verwijderd op", "Bijschrift"}}
	for _, p := range o.Photos {
		for _, pc := range p.Tags {
			posted := nlStamp(p.Posted)
			if p.DateOnly {
				posted = nlDate(p.Posted)
			}
			photos.Rows = append(photos.Rows, []any{p.ID, pc.ID, posted, p.Group.Name, p.By, nlStamp(p.Removed), p.Caption})
		}
	}
	return []sheetData{kids, parents, notes, consents, photos}
}

func (o *Org) registerSheets() []sheetData {
	procs := sheetData{Name: "Verwerkers", Table: "processors", Header: []string{"Systeem", "Verwerker", "Doel", "Categorieën persoonsgegevens",
		"Verwerkersovereenkomst getekend", "Einddatum overeenkomst", "Certificeringen", "In gebruik", "Opmerking",
		"Subverwerkers", "Locatie gegevens", "Doorgiftemechanisme", "AVG-addendum"}}
	for _, p := range o.Processors {
		x := processorExtras[p.System]
		procs.Rows = append(procs.Rows, []any{p.System, p.Vendor, p.Purpose, p.Categories, dateCell(p.Signed), dateCell(p.Expires), p.Certifications, jaNee(p.InUse), p.Remark,
			x.Sub, x.Location, x.Mechanism, dateCell(x.Updated)})
	}
	staff := sheetData{Name: "Medewerkers", Table: "staff", Header: []string{"Personeelsnummer", "Naam", "Functie", "Locatie", "Groepen", "In dienst", "Uit dienst"}}
	for _, s := range o.Staff {
		staff.Rows = append(staff.Rows, []any{s.ID, s.name(), s.Role, s.Location, groupNames(s.Groups), dateCell(s.Start), dateCell(s.End)})
	}
	accounts := sheetData{Name: "Accounts", Table: "accounts", Header: []string{"Systeem", "Gebruikersnaam", "Personeelsnummer", "Toegang", "Actief", "Laatste login", "MFA"}}
	for _, a := range o.Accounts {
		emp := a.SharedBy
		if a.Staff != nil {
			emp = a.Staff.ID
		}
		accounts.Rows = append(accounts.Rows, []any{a.System, a.Username, emp, a.Scope, jaNee(a.Active), nlStamp(a.LastLogin), a.MFA})
	}
	reqs := sheetData{Name: "Verzoeken", Table: "requests", Header: []string{"Nummer", "Soort verzoek", "Ontvangen op", "Verlenging gemeld op", "Afgehandeld op", "Toelichting"}}
	for _, r := range o.Requests {
		reqs.Rows = append(reqs.Rows, []any{r.ID, r.Type, nlDate(r.Received), nlDate(r.Extension), nlDate(r.Answered), r.Remark})
	}
	breaches := sheetData{Name: "Datalekken", Table: "breaches", Header: []string{"Nummer", "Ontdekt op", "Omschrijving", "Meldplichtig", "Gemeld bij AP op",
		"Reden late melding", "Hoog risico", "Betrokkenen geïnformeerd op", "Uitzondering informeren (art. 34 lid 3)", "Gevolgen", "Maatregelen"}}
	for _, b := range o.Breaches {
		breaches.Rows = append(breaches.Rows, []any{b.ID, stampCell(b.Discovered), b.Description, b.Reportable, stampCell(b.Reported), b.LateReason, jaNee(b.HighRisk),
			nlStamp(b.Informed), b.Exception, b.Effects, b.Measures})
	}
	posts := sheetData{Name: "Social media", Table: "social_posts", Header: []string{"Post-ID", "Kindnummer", "Datum", "Kanaal", "Schriftelijke toestemming",
		"Toestemmingsformulier", "Onderwerp"}}
	for _, p := range o.Posts {
		posts.Rows = append(posts.Rows, []any{p.ID, p.Child.ID, dateCell(p.Date), p.Channel, jaNee(p.Consent), p.Ref, p.Caption})
	}
	acts := sheetData{Name: "Verwerkingsregister", Table: "processing_activities", Header: []string{"Verwerking", "Doel", "Grondslag",
		"Categorieën persoonsgegevens", "Betrokkenen", "Ontvangers", "Doorgifte buiten de EER", "Systemen", "Bewaartermijn",
		"Beveiligingsmaatregelen", "DPIA"}}
	for _, a := range o.Activities {
		acts.Rows = append(acts.Rows, []any{a.Name, a.Purpose, a.Basis, a.Categories, a.Subjects, a.Recipients, a.Transfers, a.Systems,
			a.Retention, a.Security, a.DPIA})
	}
	files := sheetData{Name: "OneDrive", Table: "onedrive_files", Header: []string{"Pad", "Eigenaar", "Gewijzigd op", "Gedeeld met", "Soort", "Kindnummer"}}
	for _, f := range o.Files {
		files.Rows = append(files.Rows, []any{f.Path, f.Owner, stampCell(f.Modified), f.Sharing, fileCategories[f.Category].Label, f.ChildID})
	}
	apps := sheetData{Name: "Sollicitanten", Table: "applicants", Header: []string{"Nummer", "Naam", "Functie", "Gesolliciteerd op", "Procedure afgerond op",
		"Toestemming langer bewaren", "Uitkomst"}}
	for _, a := range o.Applicants {
		apps.Rows = append(apps.Rows, []any{a.ID, a.Name, a.Role, dateCell(a.Applied), dateCell(a.Ended), jaNee(a.KeepConsent), a.Outcome})
	}
	complaints := sheetData{Name: "Klachten", Table: "complaints", Header: []string{"Nummer", "Ontvangen op", "Afgehandeld op", "Onderwerp"}}
	for _, c := range o.Complaints {
		complaints.Rows = append(complaints.Rows, []any{c.ID, dateCell(c.Received), dateCell(c.Handled), c.Subject})
	}
	sheets := append([]sheetData{procs, staff, accounts, reqs, breaches, posts, acts, files, apps, complaints}, o.securitySheets()...)
	if len(o.Accepted) > 0 {
		sheets = append(sheets, o.acceptanceSheet())
	}
	return sheets
}

// ---------------------------------------------------------------- manifest

type mapping struct {
	File, Sheet, Table, Delimiter string
	Columns                       [][2]string // export header, canonical column
	Values                        []valueMap
}

type valueMap struct {
	Column string
	Pairs  [][2]string
}

type system struct {
	Key, Product string
	Files        []mapping
}

// labelValues maps an export's labels to their canonical values.
func labelValues(column string, labels []struct{ Canonical, Label string }) valueMap {
	v := valueMap{Column: column}
	for _, l := range labels {
		v.Pairs = append(v.Pairs, [2]string{l.Label, l.Canonical})
	}
	return v
}

// manifestSystems is the manifest's content; manifestYAML renders it.
var manifestSystems = []system{
	{"admin", "Kidsadmin", []mapping{
		{File: "kidsadmin/kinderen.csv", Table: "admin_children", Delimiter: ";", Columns: [][2]string{
			{"Kindnummer", "child_id"}, {"Voornaam", "first_name"}, {"Tussenvoegsel", "name_prefix"}, {"Achternaam", "last_name"}, {"Geboortedatum", "birth_date"},
			{"Geslacht", "gender"}, {"BSN", "bsn"}, {"Adres", "address"}, {"Postcode", "postcode"}, {"Woonplaats", "city"},
			{"Locatie", "location"}, {"Opvangsoort", "care_type"}, {"Groep", "group_name"}, {"Startdatum opvang", "care_start"}, {"Einddatum opvang", "care_end"},
		}, Values: []valueMap{{"gender", [][2]string{{"Jongen", "m"}, {"Meisje", "v"}}}}},
		{File: "kidsadmin/ouders.csv", Table: "admin_guardians", Delimiter: ";", Columns: [][2]string{
			{"Oudernummer", "guardian_id"}, {"Kindnummer", "child_id"}, {"Naam", "name"}, {"E-mailadres", "email"},
			{"Telefoonnummer", "phone"}, {"IBAN", "iban"}, {"Relatie", "relation"}, {"Ouderlijk gezag", "parental_authority"},
		}},
		{File: "kidsadmin/facturen.csv", Table: "admin_invoices", Delimiter: ";", Columns: [][2]string{
			{"Factuurnummer", "invoice_id"}, {"Kindnummer", "child_id"}, {"Oudernummer", "guardian_id"},
			{"Factuurdatum", "invoice_date"}, {"Bedrag", "amount"},
		}},
	}},
	{"portal", "Konnect", []mapping{
		{File: "konnect/konnect-export.xlsx", Sheet: "Kinderen", Table: "portal_children", Columns: [][2]string{
			{"Kind-ID", "portal_child_id"}, {"Kindnummer", "child_id"}, {"Voornaam", "first_name"}, {"Tussenvoegsel", "name_prefix"}, {"Achternaam", "last_name"},
			{"Geboortedatum", "birth_date"}, {"Groep", "group_name"}, {"Startdatum plaatsing", "placement_start"}, {"Einddatum plaatsing", "placement_end"},
		}},
		{File: "konnect/konnect-export.xlsx", Sheet: "Ouders", Table: "portal_guardians", Columns: [][2]string{
			{"Kind-ID", "portal_child_id"}, {"Naam", "name"}, {"E-mail", "email"}, {"Toegang ouderportaal", "has_access"}, {"Laatst ingelogd", "last_login"},
		}},
		{File: "konnect/konnect-export.xlsx", Sheet: "Notities", Table: "portal_notes", Columns: [][2]string{
			{"Notitie-ID", "note_id"}, {"Kind-ID", "portal_child_id"}, {"Categorie", "category"}, {"Aangemaakt op", "created_at"}, {"Grondslag", "basis"},
		}, Values: []valueMap{labelValues("category", noteCategories), labelValues("basis", noteBases)}},
		{File: "konnect/konnect-export.xlsx", Sheet: "Toestemmingen", Table: "portal_consents", Columns: [][2]string{
			{"Kind-ID", "portal_child_id"}, {"Toestemming", "consent_type"}, {"Antwoord", "granted"}, {"Vastgelegd op", "recorded_at"}, {"Ingetrokken op", "withdrawn_at"},
			{"Gegeven door", "given_by"},
		}, Values: []valueMap{labelValues("consent_type", consentTypes)}},
		{File: "konnect/konnect-export.xlsx", Sheet: "Foto's", Table: "portal_photos", Columns: [][2]string{
			{"Foto-ID", "photo_id"}, {"Kind-ID", "portal_child_id"}, {"Geplaatst op", "posted_at"}, {"Groep", "group_name"},
			{"Geplaatst door", "posted_by"}, {"Verwijderd op", "removed_at"},
		}},
	}},
	{"tracking", "KIJK!", []mapping{
		{File: "kijk/kinderen.csv", Table: "tracking_children", Delimiter: ",", Columns: [][2]string{
			{"Kind-ID", "tracking_child_id"}, {"Kindnummer", "child_id"}, {"Voornaam", "first_name"}, {"Tussenvoegsel", "name_prefix"}, {"Achternaam", "last_name"},
			{"Geboortedatum", "birth_date"}, {"Groep", "group_name"}, {"VVE-indicatie", "vve_indication"}, {"Mentor", "mentor"}, {"Gearchiveerd op", "archived_at"},
		}},
		{File: "kijk/observaties.csv", Table: "tracking_observations", Delimiter: ",", Columns: [][2]string{
			{"Kind-ID", "tracking_child_id"}, {"Observatiedatum", "observed_at"}, {"Observator", "author"},
		}},
		{File: "kijk/overdrachten.tsv", Table: "tracking_transfers", Delimiter: "\t", Columns: [][2]string{
			{"Kind-ID", "tracking_child_id"}, {"School", "school"}, {"Verzonden op", "sent_at"},
			{"Toestemming ouders getekend op", "consent_signed_at"}, {"Verzendwijze", "channel"},
			{"VVE-programma", "vve_programme"}, {"VVE-duur", "vve_duration"}, {"Bijlagen", "contents"},
		}},
	}},
	{"register", "Excel", []mapping{
		{File: "registers/privacyregisters.xlsx", Sheet: "Verwerkers", Table: "processors", Columns: [][2]string{
			{"Systeem", "system"}, {"Verwerker", "vendor"}, {"Doel", "purpose"}, {"Categorieën persoonsgegevens", "data_categories"},
			{"Verwerkersovereenkomst getekend", "agreement_signed_at"}, {"Einddatum overeenkomst", "agreement_expires_at"},
			{"Certificeringen", "certifications"}, {"In gebruik", "in_use"},
			{"Subverwerkers", "sub_processors"}, {"Locatie gegevens", "data_location"}, {"Doorgiftemechanisme", "transfer_mechanism"},
			{"AVG-addendum", "agreement_updated_at"},
		}},
		{File: "registers/privacyregisters.xlsx", Sheet: "Medewerkers", Table: "staff", Columns: [][2]string{
			{"Personeelsnummer", "employee_id"}, {"Naam", "name"}, {"Functie", "role"}, {"Groepen", "groups"},
			{"In dienst", "employment_start"}, {"Uit dienst", "employment_end"},
		}},
		{File: "registers/privacyregisters.xlsx", Sheet: "Accounts", Table: "accounts", Columns: [][2]string{
			{"Systeem", "system"}, {"Gebruikersnaam", "username"}, {"Personeelsnummer", "employee_id"}, {"Toegang", "access_scope"},
			{"Actief", "active"}, {"Laatste login", "last_login"}, {"MFA", "mfa"},
		}},
		{File: "registers/privacyregisters.xlsx", Sheet: "Verzoeken", Table: "requests", Columns: [][2]string{
			{"Nummer", "request_id"}, {"Soort verzoek", "type"}, {"Ontvangen op", "received_at"},
			{"Verlenging gemeld op", "extension_notified_at"}, {"Afgehandeld op", "answered_at"},
		}},
		{File: "registers/privacyregisters.xlsx", Sheet: "Datalekken", Table: "breaches", Columns: [][2]string{
			{"Nummer", "breach_id"}, {"Ontdekt op", "discovered_at"}, {"Meldplichtig", "reportable"}, {"Gemeld bij AP op", "reported_to_ap_at"},
			{"Reden late melding", "late_reason"}, {"Hoog risico", "high_risk"}, {"Betrokkenen geïnformeerd op", "subjects_informed_at"},
			{"Uitzondering informeren (art. 34 lid 3)", "inform_exception"},
			{"Omschrijving", "facts"}, {"Gevolgen", "effects"}, {"Maatregelen", "measures"},
		}},
		{File: "registers/privacyregisters.xlsx", Sheet: "Social media", Table: "social_posts", Columns: [][2]string{
			{"Post-ID", "post_id"}, {"Kindnummer", "child_id"}, {"Datum", "posted_at"}, {"Kanaal", "channel"},
			{"Schriftelijke toestemming", "written_consent"}, {"Toestemmingsformulier", "consent_reference"},
		}},
		{File: "registers/privacyregisters.xlsx", Sheet: "Verwerkingsregister", Table: "processing_activities", Columns: [][2]string{
			{"Verwerking", "activity"}, {"Doel", "purpose"}, {"Grondslag", "legal_basis"}, {"Categorieën persoonsgegevens", "data_categories"},
			{"Betrokkenen", "data_subjects"}, {"Ontvangers", "recipients"}, {"Doorgifte buiten de EER", "transfers"}, {"Systemen", "systems"},
			{"Bewaartermijn", "retention"}, {"Beveiligingsmaatregelen", "security"}, {"DPIA", "dpia_reference"},
		}},
		{File: "registers/privacyregisters.xlsx", Sheet: "OneDrive", Table: "onedrive_files", Columns: [][2]string{
			{"Pad", "path"}, {"Eigenaar", "owner"}, {"Gewijzigd op", "modified_at"}, {"Gedeeld met", "sharing"}, {"Soort", "category"},
			{"Kindnummer", "child_id"},
		}, Values: []valueMap{labelValues("category", fileCategories)}},
		{File: "registers/privacyregisters.xlsx", Sheet: "Sollicitanten", Table: "applicants", Columns: [][2]string{
			{"Nummer", "applicant_id"}, {"Naam", "name"}, {"Gesolliciteerd op", "applied_at"}, {"Procedure afgerond op", "procedure_ended_at"},
			{"Toestemming langer bewaren", "keep_consent"},
		}},
		{File: "registers/privacyregisters.xlsx", Sheet: "Klachten", Table: "complaints", Columns: [][2]string{
			{"Nummer", "complaint_id"}, {"Ontvangen op", "received_at"}, {"Afgehandeld op", "handled_at"}, {"Onderwerp", "subject"},
		}},
	}},
}

var plainYAML = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9 _./-]*$`)

// q quotes a YAML scalar unless it is plainly safe.
func q(s string) string {
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "ja", "nee":
	default:
		if plainYAML.MatchString(s) && !strings.HasSuffix(s, " ") {
			return s
		}
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

// manifestYAML renders the manifest of o's exports: with the register of
// accepted risks and last year's results for the current exports.
func (o *Org) manifestYAML() string {
	var b strings.Builder
	b.WriteString(`# Manifest van de synthetische voorbeeldorganisatie: welke export bij welk
# systeem hoort en hoe de kolommen op het canonieke model passen.
# Gegenereerd door samples/generate; wijzig de generator, niet dit bestand.
version: 1
organisation: ` + organisation + `
as_of: ` + isoDate(o.ref) + `
policy: policy.yaml
`)
	if o.ref.Equal(asOf) {
		b.WriteString("# De resultaten van de audit van vorig jaar, voor de trend.\nprevious: " + historyFile + "\n")
	}
	b.WriteString("systems:\n")
	for _, s := range manifestSystems {
		files := s.Files
		if s.Key == "register" {
			files = append(slices.Clip(files), securityMappings...)
			if len(o.Accepted) > 0 {
				files = append(files, acceptanceMapping)
			}
		}
		fmt.Fprintf(&b, "  %s:\n    product: %s\n    files:\n", s.Key, q(s.Product))
		for _, f := range files {
			fmt.Fprintf(&b, "      - file: %s\n", q(f.File))
			if f.Sheet != "" {
				fmt.Fprintf(&b, "        sheet: %s\n", q(f.Sheet))
			}
			fmt.Fprintf(&b, "        table: %s\n", f.Table)
			if f.Delimiter != "" {
				fmt.Fprintf(&b, "        delimiter: %s\n", strings.Replace(`"`+f.Delimiter+`"`, "\t", `\t`, 1))
			}
			b.WriteString("        columns:\n")
			for _, c := range f.Columns {
				fmt.Fprintf(&b, "          %s: %s\n", q(c[0]), c[1])
			}
			if len(f.Values) > 0 {
				b.WriteString("        values:\n")
				for _, v := range f.Values {
					fmt.Fprintf(&b, "          %s:\n", v.Column)
					for _, p := range v.Pairs {
						fmt.Fprintf(&b, "            %s: %s\n", q(p[0]), p[1])
					}
				}
			}
		}
	}
	return b.String()
}

const policyYAML = `# Beleid van de synthetische voorbeeldorganisatie: de standaardtermijnen van
# avgaudit. De AVG noemt zelf geen bewaartermijnen; elke waarde noemt haar bron.
retention:
  # Ouderportaal: uiterlijk 2 jaar na einde opvang — voormalig Vrijstellingsbesluit
  # Wbp art. 18 lid 5; vervallen met de Wbp (mei 2018), in de sector nog de gangbare
  # norm (AP, pagina over kinderopvang).
  portal_months: 24
  # Kindvolgsysteem: idem, 2 jaar na einde opvang (Vrijstellingsbesluit Wbp art. 18 lid 5).
  tracking_months: 24
  # Kindadministratie, BSN van kind en ouders inbegrepen: tot en met 31 december van
  # het 7e jaar na het jaar waarin de opvang eindigde. Fiscale bewaarplicht van 7 jaar
  # (AWR art. 52 lid 4); het BSN hoort bij de gegevens voor de kinderopvangtoeslag en de
  # gemeentelijke tegemoetkoming (Regeling Wet kinderopvang art. 11 lid 1 sub b en c).
  # Wie het BSN eerder verwijdert, zet dat als eigen beleid in admin_bsn_months.
  admin_record_years: 7
  # Facturen: fiscale bewaarplicht van 7 jaar (AWR art. 52 lid 4), gerekend vanaf
  # het einde van het jaar van de factuur.
  invoice_years: 7
access:
  # Wie alle groepen mag zien (autorisatiematrix van het privacybeleid, AVG art. 32):
  # beheer en administratie, en de directeur. Iedereen anders ziet alleen de eigen groepen.
  all_groups_roles: [Beheerder, Administratie, Directeur]
`

// sheetStyles makes the styles every sample workbook uses: a bold header,
// dates and timestamps as the systems export them.
func sheetStyles(f *excelize.File) (bold, date, stamp int, err error) {
	if bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return 0, 0, 0, err
	}
	dateFmt, stampFmt := "dd-mm-yyyy", "dd-mm-yyyy hh:mm"
	if date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return 0, 0, 0, err
	}
	if stamp, err = f.NewStyle(&excelize.Style{CustomNumFmt: &stampFmt}); err != nil {
		return 0, 0, 0, err
	}
	return bold, date, stamp, nil
}
