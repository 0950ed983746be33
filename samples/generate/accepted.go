package main

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/avgaudit/avgaudit/results"
)

// buildAcceptances writes the accepted-risk register (sheet "Geaccepteerde
// risico's"): one entry in force, one with a pattern, one expired and one
// stale. Approvers are roles; the texts name no one.
func (o *Org) buildAcceptances() {
	o.Accepted = []*Acceptance{
		{Check: chkProcessorExpiring, Key: "Nmbrs",
			Justification: "De verlengde verwerkersovereenkomst met Visma Nmbrs ligt ter ondertekening; de leverancier heeft schriftelijk bevestigd dat de huidige voorwaarden doorlopen tot de nieuwe overeenkomst is getekend.",
			Basis:         "AVG art. 28 lid 3; schriftelijke bevestiging van de verwerker van 10-08-2026",
			ApprovedBy:    "Directeur", Approved: day(2026, 8, 17), Expires: day(2027, 1, 31)},
		{Check: chkRetInvoices, Key: "FAC-2018-*",
			Justification: "De Belastingdienst doet een boekenonderzoek naar het boekjaar 2018; de facturen van 2018 blijven bewaard tot het onderzoek is afgerond.",
			Basis:         "AWR art. 47 en art. 52 (inlichtingen- en bewaarplicht tijdens een boekenonderzoek)",
			ApprovedBy:    "Directeur", Approved: day(2026, 5, 12), Expires: day(2027, 6, 30)},
		{Check: chkAccountShared, Key: "Konnect/ipad.vlinders@klimboom.example",
			Justification: "Groeps-iPad van de Vlinders met één gedeeld account, tot de groepstablets persoonlijke accounts hebben; de iPad is met een pincode vergrendeld en opent alleen het dagboek.",
			Basis:         "AVG art. 32; tijdelijke maatregel uit het beveiligingsbeleid",
			ApprovedBy:    "Locatiemanager Molenwiek", Approved: day(2025, 10, 6), Expires: day(2026, 6, 30)},
		{Check: chkProcessor, Key: "WhatsApp",
			Justification: "Groepsapps met ouders in WhatsApp worden uitgefaseerd; tot de overstap naar het ouderportaal mogen ze blijven, zonder foto's of gegevens over kinderen.",
			Basis:         "AVG art. 28; besluit van de directie na het advies van de FG",
			ApprovedBy:    "Directeur", Approved: day(2025, 9, 15), Expires: day(2026, 12, 31)},
	}
}

// acceptanceSheet is the register as a workbook sheet.
func (o *Org) acceptanceSheet() sheetData {
	sh := sheetData{Name: "Geaccepteerde risico's", Table: "accepted_risks", Header: []string{"Controle", "Recordsleutel", "Onderbouwing",
		"Grondslag", "Goedgekeurd door", "Goedgekeurd op", "Geldig tot"}}
	for _, a := range o.Accepted {
		sh.Rows = append(sh.Rows, []any{a.Check, a.Key, a.Justification, a.Basis, a.ApprovedBy, dateCell(a.Approved), dateCell(a.Expires)})
	}
	return sh
}

// acceptanceMapping maps the register sheet in the manifest.
var acceptanceMapping = mapping{File: "registers/privacyregisters.xlsx", Sheet: "Geaccepteerde risico's", Table: "accepted_risks", Columns: [][2]string{
	{"Controle", "check_id"}, {"Recordsleutel", "record_key"}, {"Onderbouwing", "justification"}, {"Grondslag", "legal_basis"},
	{"Goedgekeurd door", "approved_by"}, {"Goedgekeurd op", "approved_on"}, {"Geldig tot", "expires_on"},
}}

// keyPattern turns a record key pattern (* any run of characters, ? one
// character; empty or * every key) into an anchored regular expression.
func keyPattern(p string) *regexp.Regexp {
	if p == "" {
		p = "*"
	}
	var b strings.Builder
	b.WriteString("^")
	for _, r := range p {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// matched counts the expected findings an acceptance matches.
func (o *Org) matched(a *Acceptance) int {
	re := keyPattern(a.Key)
	n := 0
	for _, e := range o.Expected {
		if e.Check == a.Check && re.MatchString(e.Key()) {
			n++
		}
	}
	return n
}

// acceptanceStatus is the status the audit must give an entry on the
// reference date: pending before its approval, expired after its end date,
// else accepted when it matches a finding and stale when it matches none.
func acceptanceStatus(a *Acceptance, ref time.Time, matched int) string {
	switch {
	case a.Approved.After(ref):
		return results.AcceptancePending
	case a.Expires.Before(ref):
		return results.AcceptanceExpired
	case matched == 0:
		return results.AcceptanceStale
	}
	return results.AcceptanceAccepted
}

// acceptancesBlock is the README table of the register entries in id
// order, with the status and the number of findings each must get.
func (o *Org) acceptancesBlock() string {
	var b strings.Builder
	b.WriteString("| check | id | record key | expected status | matched findings |\n|---|---|---|---|---|\n")
	for i, a := range o.Accepted {
		n := o.matched(a)
		fmt.Fprintf(&b, "| %s | A%d | `%s` | %s | %d |\n", a.Check, i+1, a.Key, acceptanceStatus(a, o.ref, n), n)
	}
	return b.String()
}
