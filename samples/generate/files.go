package main

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// ---------------------------------------------------------------- OneDrive

var childDocs = []string{"intakeformulier.pdf", "plaatsingsovereenkomst.pdf", "wenafspraken.docx", "oudergesprek.docx"}

func (o *Org) buildFiles() {
	owner := o.staffByID("M004").name()
	add := func(path string, cat int, childID string, modified time.Time, sharing string) *DriveFile {
		f := &DriveFile{Path: path, Owner: owner, Modified: modified, Sharing: sharing, Category: cat, ChildID: childID}
		o.Files = append(o.Files, f)
		return f
	}
	for _, c := range o.Children {
		if c.Deleted || c.Scenario != "" || (!c.End.IsZero() && c.End.Before(portalRetentionStart)) {
			continue
		}
		if o.chance(0.25) {
			add(fmt.Sprintf("Kinddossiers/%s/%s", c.ID, pick(o, childDocs)), fChildFile, c.ID,
				c.Start.AddDate(0, 0, -o.intn(20)).Add(time.Duration(9*60+o.intn(480))*time.Minute), "Organisatie")
		}
		if o.chance(0.08) {
			add(fmt.Sprintf("Inkomensgegevens/2026/%s-inkomensverklaring.pdf", c.ID), fIncome, c.ID,
				at(2026, 1, 5+o.intn(20), 10+o.intn(6), o.intn(60)), "Privé")
		}
	}
	for _, s := range o.Staff {
		if s.End.IsZero() && o.chance(0.3) {
			add(fmt.Sprintf("Personeel/%s/arbeidsovereenkomst.pdf", s.ID), fStaff, "", s.Start.Add(11*time.Hour), "Privé")
		}
	}
	add("Algemeen/Pedagogisch beleidsplan 2026.pdf", fOther, "", at(2026, 1, 12, 14, 3), "Organisatie")
	add("Algemeen/Jaarverslag oudercommissie 2018.pdf", fOther, o.scenario["old2018"].ID, at(2019, 2, 1, 10, 0), "Organisatie")
	add("Kinddossiers/overdracht-2019-zonder-kindnummer.pdf", fChildFile, "", at(2019, 7, 2, 15, 12), "Organisatie")

	bsn21, bsn23, dayPast, edge := o.scenario["bsn2021"], o.scenario["bsn2023"], o.scenario["bsnDayPast"], o.scenario["edge24m"]
	orphan, old18 := o.scenario["portalOrphan"], o.scenario["old2018"]
	planted := []struct {
		f    *DriveFile
		want bool
		why  string
	}{
		{add(fmt.Sprintf("Kinddossiers/%s/oudergesprek.docx", bsn23.ID), fChildFile, bsn23.ID, at(2022, 11, 3, 10, 0), "Organisatie"), true,
			"child file; care ended 2023-03-31"},
		{add(fmt.Sprintf("Inkomensgegevens/2021/%s-inkomensverklaring.pdf", bsn21.ID), fIncome, bsn21.ID, at(2021, 1, 11, 9, 30), "Privé"), false,
			"income document; care ended 2021-12-31: kept until 31-12-2028, as the administration's record"},
		{add(fmt.Sprintf("Inkomensgegevens/2018/%s-inkomensverklaring.pdf", old18.ID), fIncome, old18.ID, at(2018, 1, 15, 9, 0), "Privé"), true,
			"income document; care ended 2018-07-31: kept until 31-12-2025"},
		{add(fmt.Sprintf("Kinddossiers/%s/intakeformulier.pdf", dayPast.ID), fChildFile, dayPast.ID, at(2023, 8, 14, 13, 20), "Organisatie"), true,
			"child file; care ended 2024-08-31: one day past 24 months"},
		{add(fmt.Sprintf("Kinddossiers/%s/intakeformulier.pdf", edge.ID), fChildFile, edge.ID, at(2022, 12, 1, 11, 0), "Organisatie"), false,
			"child file; care ended 2024-09-01: exactly 24 months"},
		{add(fmt.Sprintf("Kinddossiers/%s/plaatsingsovereenkomst.pdf", orphan.ID), fChildFile, orphan.ID, at(2015, 8, 20, 9, 0), "Organisatie"), false,
			"child number no longer in Kidsadmin: cannot be judged"},
	}
	slices.SortStableFunc(o.Files, func(a, b *DriveFile) int { return cmp.Compare(a.Path, b.Path) })
	for _, p := range planted {
		o.book(chkRetOneDrive, "onedrive_files", mark{p.f.Path, p.want, p.why})
	}
	o.book(chkRetOneDrive, "onedrive_files",
		mark{"Algemeen/Jaarverslag oudercommissie 2018.pdf", false, "category other, even with an old child number"},
		mark{"Kinddossiers/overdracht-2019-zonder-kindnummer.pdf", false, "no child number: cannot be judged"},
	)
}

// ---------------------------------------------------------------- HR

func (o *Org) personName() string {
	for {
		first := pick(o, women)
		if o.chance(0.2) {
			first = pick(o, men)
		}
		n := first + " " + pick(o, lastNames)
		if !o.usedNames[n] {
			o.usedNames[n] = true
			return n
		}
	}
}

func (o *Org) buildApplicants() {
	type spec struct {
		applied, ended time.Time
		keep           bool
		outcome        string
		want           bool
		why            string
	}
	specs := []spec{
		{day(2025, 1, 20), day(2025, 3, 14), false, "Afgewezen", true, "procedure ended 2025-03-14, no consent to keep"},
		{day(2025, 6, 2), day(2025, 8, 31), true, "Afgewezen", true, "kept with consent; procedure ended 2025-08-31: one day past 12 months"},
		{day(2025, 6, 9), day(2025, 9, 1), true, "Afgewezen", false, "kept with consent; procedure ended 2025-09-01: exactly 12 months"},
		{day(2026, 6, 22), day(2026, 8, 3), false, "Afgewezen", true, "procedure ended 2026-08-03: one day past 4 weeks"},
		{day(2026, 6, 29), day(2026, 8, 4), false, "Afgewezen", false, "procedure ended 2026-08-04: exactly 4 weeks"},
		{day(2026, 8, 10), time.Time{}, false, "", false, "procedure still running"},
	}
	for i, sp := range specs {
		a := &Applicant{ID: fmt.Sprintf("SOL-%02d", i+1), Name: o.personName(), Role: "Pedagogisch medewerker",
			Applied: sp.applied, Ended: sp.ended, KeepConsent: sp.keep, Outcome: sp.outcome}
		o.Applicants = append(o.Applicants, a)
		o.book(chkRetHR, "applicants", mark{a.ID, sp.want, sp.why})
	}
}

func (o *Org) buildComplaints() {
	type spec struct {
		received, handled time.Time
		subject           string
		want              bool
		why               string
	}
	specs := []spec{
		{day(2023, 5, 2), day(2023, 6, 15), "Communicatie over de wenperiode", true, "handled 2023-06-15: past 24 months"},
		{day(2024, 7, 8), day(2024, 8, 31), "Facturatie vakantieweken", true, "handled 2024-08-31: one day past 24 months"},
		{day(2024, 8, 5), day(2024, 9, 1), "Ophaaltijden BSO", false, "handled 2024-09-01: exactly 24 months"},
		{day(2025, 10, 28), day(2025, 11, 20), "Foto in het dagboek", false, "handled 2025-11-20"},
		{day(2026, 8, 24), time.Time{}, "Wachtlijst", false, "still open"},
	}
	seq := map[int]int{}
	for _, sp := range specs {
		seq[sp.received.Year()]++
		c := &Complaint{ID: fmt.Sprintf("KL-%d-%02d", sp.received.Year(), seq[sp.received.Year()]), Received: sp.received, Handled: sp.handled, Subject: sp.subject}
		o.Complaints = append(o.Complaints, c)
		o.book(chkRetHR, "complaints", mark{c.ID, sp.want, sp.why})
	}
}
