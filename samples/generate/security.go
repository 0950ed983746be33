package main

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// The registers and planted cases of the checks added for issue 11: sharing
// links, transfers by plain e-mail, account hygiene and group scope, the
// Personenregister Kinderopvang, devices, processors abroad, confidentiality
// and training, cameras. None of it draws from the random generator, so the
// rest of the organisation stays as it was.

// PRKLink is a row of the organisation's Personenregister Kinderopvang
// overview. Staff rows take their working period from the staff register.
type PRKLink struct {
	Staff            *Staff // nil for a temp, intern or volunteer
	ID, Name, Kind   string // Kind: the export's label (Medewerker, Uitzendkracht, ...)
	Start, End       time.Time
	Linked, Unlinked time.Time
}

// Device is a row of the device overview (an MDM export).
type Device struct {
	ID, Kind, AssignedTo            string
	Encrypted, Passcode, MDM, InUse string // Ja, Nee or "" (unknown)
	Lost                            time.Time
	Breach                          string
}

// StaffPrivacy is an employee's confidentiality statement and privacy training.
type StaffPrivacy struct {
	Staff           *Staff
	Signed, Trained time.Time
}

// Camera is a row of the camera register.
type Camera struct {
	ID, Place, Kind, Purpose, Retention, DPIA, WorksCouncil, InUse string
}

// processorExtra are the processor register's columns on sub-processors,
// where the data is and the AVG update, by system.
type processorExtra struct {
	Sub, Location, Mechanism string
	Updated                  time.Time
}

var processorExtras = map[string]processorExtra{
	"KidsAdmin": {"Microsoft Azure (Nederland)", "Nederland", "", time.Time{}},
	"Konnect":   {"Amazon Web Services (Frankfurt)", "Duitsland", "", time.Time{}},
	"OneDrive":  {"Microsoft-subverwerkers (lijst op de website)", "EU, VS", "EU-US Data Privacy Framework", time.Time{}},
	"Facebook":  {"Meta Platforms Inc.", "Ierland, VS", "Standaardcontractbepalingen (2021/914)", day(2018, 5, 25)},
	"Nmbrs":     {"Microsoft Azure (Nederland)", "Nederland", "", time.Time{}},
	"Mailchimp": {"Amazon Web Services, Google Cloud", "VS", "", time.Time{}},
	"Zivver":    {"", "Nederland", "", time.Time{}},
	"Bitcare":   {"", "Nederland", "", time.Time{}},
}

func (o *Org) buildSecurity() {
	o.plantSharing()
	o.plantPlainEmail()
	o.plantAccountHygiene()
	o.buildPRK()
	o.buildDevices()
	o.plantProcessorSafeguards()
	o.buildStaffPrivacy()
	o.buildCameras()
}

// firstChild is the first plain child in care on asOf that passes ok.
func (o *Org) firstChild(ok func(*Child) bool) *Child {
	for _, c := range o.Children {
		if c.Scenario == "" && !c.Deleted && c.inCare(asOf) && ok(c) {
			return c
		}
	}
	panic("no child for a planted case")
}

func (o *Org) plantSharing() {
	owner := o.staffByID("M004").name()
	add := func(c *Child, path string, cat int, modified time.Time, sharing string) *DriveFile {
		f := &DriveFile{Path: path, Owner: owner, Modified: modified, Sharing: sharing, Category: cat, ChildID: c.ID}
		o.Files = append(o.Files, f)
		return f
	}
	c1 := o.firstChild(func(c *Child) bool { return c.Group.Location == "Molenwiek" })
	c2 := o.firstChild(func(c *Child) bool { return c.Group.Location == "Havenkwartier" })
	c3 := o.firstChild(func(c *Child) bool { return c != c1 && c != c2 })
	anyone := add(c1, fmt.Sprintf("Kinddossiers/%s/verslag-oudergesprek.docx", c1.ID), fChildFile, at(2026, 3, 4, 15, 20), "Iedereen met de link")
	external := add(c2, fmt.Sprintf("Inkomensgegevens/2026/%s-jaaropgave.pdf", c2.ID), fIncome, at(2026, 2, 16, 10, 5), "Extern (gemeente.example.nl)")
	inOrg := add(c3, fmt.Sprintf("Kinddossiers/%s/wenafspraken-gedeeld.docx", c3.ID), fChildFile, at(2025, 11, 2, 9, 40), "Personen in De Klimboom met de link")
	slices.SortStableFunc(o.Files, func(a, b *DriveFile) int { return cmp.Compare(a.Path, b.Path) })
	o.book(chkSharedLink, "onedrive_files",
		mark{anyone.Path, true, "child file shared by an anyone link"},
		mark{external.Path, true, "income document shared with an outside address"},
		mark{inOrg.Path, false, "link for people in the organisation only"},
	)
}

func (o *Org) plantPlainEmail() {
	key := func(t *Transfer) string { return t.TC.ID + "/" + isoDate(t.Sent) }
	secure := false
	for _, t := range o.Transfers {
		if t.Channel != "e-mail" || t.Sent.After(asOf) {
			continue
		}
		if !secure && !t.Sent.Before(day(2025, 1, 1)) {
			t.Channel = "Zivver (beveiligde e-mail)"
			secure = true
			o.absent(chkPlainEmail, "tracking_transfers", constKey(key(t)), "sent by secure e-mail (Zivver)")
			continue
		}
		o.expect(chkPlainEmail, "tracking_transfers", constKey(key(t)), fmt.Sprintf("sent to %s on %s by plain e-mail", t.School, isoDate(t.Sent)))
	}
	if !secure {
		panic("no e-mail transfer since 2025 to send securely")
	}
}

func (o *Org) accountOf(system, staffID string) *Account {
	for _, a := range o.Accounts {
		if a.System == system && a.Staff != nil && a.Staff.ID == staffID {
			return a
		}
	}
	panic("no " + system + " account of " + staffID)
}

func (o *Org) plantAccountHygiene() {
	// OneDrive (Microsoft) exports whether an account signs in with MFA;
	// the other systems do not.
	for _, a := range o.Accounts {
		if a.System == "OneDrive" {
			a.MFA = "Ja"
		}
	}
	// The administrator's old OneDrive login "beheer", still in use.
	beheerder := o.staffByID("M005")
	gen := &Account{System: "OneDrive", Username: "beheer@klimboom.example", Staff: beheerder, Scope: "alle groepen", Active: true,
		LastLogin: at(2026, 8, 24, 8, 12), MFA: "Nee"}
	o.Accounts = append(o.Accounts, gen)
	o.expect(chkAccountHygiene, "accounts", accountKey(gen), "generic login beheer@ of the beheerder (M005)")
	o.expect(chkAccountHygiene, "accounts", accountKey(gen), "the same login signs in without MFA")
	// The pedagogisch coach's Konnect account, unused since February.
	coach := o.accountOf("Konnect", "M006")
	coach.LastLogin = at(2026, 2, 28, 16, 40)
	o.expect(chkAccountHygiene, "accounts", accountKey(coach), "last login 2026-02-28: a day more than 6 months ago")
	loc := o.accountOf("Kidsadmin", "M002")
	loc.LastLogin = at(2026, 3, 1, 9, 0)
	o.absent(chkAccountHygiene, "accounts", accountKey(loc), "last login 2026-03-01: exactly 6 months ago")
	o.absent(chkAccountHygiene, "accounts", constKey("Konnect/groep.kajuit@klimboom.example"), "generic, but shared by several employees: account_shared reports it")

	// A pedagogisch medewerker of the Vlinders sees the Rupsjes too.
	var vl *Staff
	for _, s := range o.group("Vlinders").Staff {
		if s.End.IsZero() && len(s.Groups) == 1 {
			vl = s
			break
		}
	}
	a := o.accountOf("Konnect", vl.ID)
	a.Scope = "Vlinders, Rupsjes"
	o.expect(chkAccountBeyond, "accounts", accountKey(a), fmt.Sprintf("%s works in Vlinders and also sees Rupsjes", vl.ID))
	o.absent(chkAccountBeyond, "accounts", accountKey(o.accountOf("Konnect", "M002")), "the locatiemanager sees the four groups she works in")
	slices.SortStableFunc(o.Accounts, func(a, b *Account) int {
		return cmp.Or(cmp.Compare(a.System, b.System), cmp.Compare(a.Username, b.Username))
	})
	// Only OneDrive exports MFA: the other systems' active accounts are not judged on it. That is no
	// finding: the check counts them once per system in its incompleteness (a warning "niet beoordeeld:
	// N actieve accounts ..."), on the first of them (a leaver's account is account_after_employment's).
	// A login that is a BSN is taken only when the system has no other (its key is masked in the results).
	for _, sys := range []string{"KIJK!", "Kidsadmin", "Konnect", "Nmbrs"} {
		var first, firstBSN *Account
		for _, a := range o.Accounts {
			if a.System == sys && a.Active && (a.Staff == nil || a.Staff.End.IsZero() || !a.Staff.End.Before(asOf)) {
				if !bsnValid(onlyDigits(a.Username)) {
					first = a
					break
				}
				if firstBSN == nil {
					firstBSN = a
				}
			}
		}
		const why = "the export has no MFA: the system's active accounts are not judged on it (a warning, no finding)"
		switch {
		case first != nil:
			o.absent(chkAccountHygiene, "accounts", accountKey(first), why)
		case firstBSN != nil:
			u := firstBSN.Username
			o.absent(chkAccountHygiene, "accounts", func() string { return sys + "/*****" + u[5:] }, why)
		}
	}
}

func (o *Org) buildPRK() {
	for _, s := range o.Staff {
		l := &PRKLink{Staff: s, ID: s.ID, Name: s.name(), Kind: "Medewerker", Linked: s.Start.AddDate(0, 0, -7)}
		if !s.End.IsZero() && s.End.Before(asOf) {
			l.Unlinked = s.End.AddDate(0, 0, 3)
		}
		o.PRK = append(o.PRK, l)
	}
	late := o.prkOf("M025") // started 2026-02-01
	late.Linked = day(2026, 2, 2)
	o.expect(chkPRK, "prk_links", constKey("M025"), "started 2026-02-01, linked 2026-02-02")
	gone := o.prkOf("M023") // left 2025-12-31
	gone.Unlinked = time.Time{}
	o.expect(chkPRK, "prk_links", constKey("M023"), "left 2025-12-31, still linked")
	o.absent(chkPRK, "prk_links", constKey("M026"), "leaves on the as-of date, still linked")
	// the pedagogisch coach was never added to the overview
	o.PRK = slices.DeleteFunc(o.PRK, func(l *PRKLink) bool { return l.ID == "M006" })
	o.expect(chkPRK, "staff", constKey("M006"), "employed, not in the Personenregister overview")
	o.PRK = append(o.PRK,
		&PRKLink{ID: "U01", Name: "Lotte Verbeek", Kind: "Uitzendkracht", Start: day(2026, 6, 1), End: day(2026, 7, 31), Linked: day(2026, 5, 28), Unlinked: day(2026, 8, 30)},
		&PRKLink{ID: "U02", Name: "Sanne Mulder", Kind: "Invalkracht", Start: day(2026, 1, 5), End: day(2026, 7, 31), Linked: day(2026, 1, 2)},
		&PRKLink{ID: "S01", Name: "Fleur Kramer", Kind: "Stagiair", Start: day(2026, 8, 24)},
		&PRKLink{ID: "V01", Name: "Henk Jansen", Kind: "Vrijwilliger", Start: day(2025, 3, 1), Linked: day(2025, 2, 20)},
	)
	o.absent(chkPRK, "prk_links", constKey("U01"), "temp unlinked 2026-08-30, the 30th day after the last working day")
	o.expect(chkPRK, "prk_links", constKey("U02"), "stand-in stopped 2026-07-31, still linked after 30 days")
	o.expect(chkPRK, "prk_links", constKey("S01"), "intern working since 2026-08-24, not linked")
	o.absent(chkPRK, "prk_links", constKey("V01"), "volunteer linked before starting")
}

func (o *Org) prkOf(id string) *PRKLink {
	for _, l := range o.PRK {
		if l.ID == id {
			return l
		}
	}
	panic("no PRK row " + id)
}

func (o *Org) buildDevices() {
	for _, g := range o.Groups {
		o.Devices = append(o.Devices, &Device{ID: "IPAD-" + g.Name, Kind: "iPad", AssignedTo: g.Name, Encrypted: "Ja", Passcode: "Ja", MDM: "Ja", InUse: "Ja"})
	}
	for i, who := range []string{"Directeur", "Administratie", "Locatie Molenwiek", "Locatie Havenkwartier"} {
		o.Devices = append(o.Devices, &Device{ID: fmt.Sprintf("LAPTOP-%02d", i+1), Kind: "Laptop", AssignedTo: who, Encrypted: "Ja", Passcode: "Ja", MDM: "Ja", InUse: "Ja"})
	}
	dev := func(id string) *Device {
		for _, d := range o.Devices {
			if d.ID == id {
				return d
			}
		}
		panic("no device " + id)
	}
	// The Dolfijnen iPad lost in 2025 (breach DL-2025-01) and its replacement.
	old := dev("IPAD-Dolfijnen")
	old.InUse, old.Lost, old.Breach = "Nee", day(2025, 5, 6), "DL-2025-01"
	o.Devices = append(o.Devices, &Device{ID: "IPAD-Dolfijnen-2", Kind: "iPad", AssignedTo: "Dolfijnen", Encrypted: "Ja", Passcode: "Ja", MDM: "Ja", InUse: "Ja"})
	o.absent(chkDevices, "devices", constKey(old.ID), "lost 2025-05-06, in the breach register as DL-2025-01")
	lost := dev("IPAD-Kajuit")
	lost.InUse, lost.Lost = "Nee", day(2026, 7, 14)
	o.Devices = append(o.Devices, &Device{ID: "IPAD-Kajuit-2", Kind: "iPad", AssignedTo: "Kajuit", Encrypted: "Ja", Passcode: "Ja", MDM: "Nee", InUse: "Ja"})
	o.expect(chkDevices, "devices", constKey(lost.ID), "lost 2026-07-14, not in the breach register")
	o.expect(chkDevices, "devices", constKey("IPAD-Kajuit-2"), "replacement iPad not enrolled in MDM")
	lap := dev("LAPTOP-03")
	lap.Encrypted = "Nee"
	o.expect(chkDevices, "devices", constKey(lap.ID), "laptop not encrypted (BitLocker off)")
	o.Devices = append(o.Devices, &Device{ID: "LAPTOP-OUD", Kind: "Laptop", AssignedTo: "Kantoor", Encrypted: "Nee", Passcode: "Nee", MDM: "Nee", InUse: "Nee"})
	o.absent(chkDevices, "devices", constKey("LAPTOP-OUD"), "old laptop out of use")
	slices.SortStableFunc(o.Devices, func(a, b *Device) int { return cmp.Compare(a.ID, b.ID) })
}

func (o *Org) plantProcessorSafeguards() {
	for _, p := range o.Processors {
		if p.System == "KidsAdmin" {
			p.Signed = day(2017, 3, 15) // a ten-year contract, never updated for the AVG
		}
		if p.System == "Facebook" {
			p.Signed = day(2017, 2, 1)
		}
	}
	o.book(chkProcessorSafeguards, "processors",
		mark{"KidsAdmin", true, "agreement signed 2017-03-15, no AVG update recorded"},
		mark{"Mailchimp", true, "data in the US, no transfer safeguard recorded"},
		mark{"Zivver", true, "sub-processors not recorded"},
		mark{"Facebook", false, "signed 2017-02-01, AVG addendum 2018-05-25; US transfer under standard contractual clauses"},
		mark{"OneDrive", false, "US transfer under the EU-US Data Privacy Framework"},
		mark{"Bitcare", false, "not in use"},
	)
}

func (o *Org) buildStaffPrivacy() {
	for _, s := range o.Staff {
		o.StaffPrivacy = append(o.StaffPrivacy, &StaffPrivacy{Staff: s, Signed: s.Start.AddDate(0, 0, -3), Trained: s.Start.AddDate(0, 0, 40)})
	}
	for _, sp := range o.StaffPrivacy {
		switch sp.Staff.ID {
		case "M025": // started 2026-02-01
			sp.Trained = time.Time{}
			o.expect(chkStaffPrivacy, "staff", constKey("M025"), "employed since 2026-02-01, no privacy training after 90 days")
		case "M012":
			sp.Signed = time.Time{}
			o.absent(chkStaffPrivacy, "staff", constKey("M012"), "employee without a separate statement: the contract or CAO clause counts")
		case "M023": // left 2025-12-31
			sp.Signed, sp.Trained = time.Time{}, time.Time{}
			o.absent(chkStaffPrivacy, "staff", constKey("M023"), "left 2025-12-31: not judged")
		}
	}
	// The intern and the volunteer of the Personenregister overview signed nothing and are in no HR file.
	o.expect(chkStaffPrivacy, "prk_links", constKey("S01"), "intern working since 2026-08-24, no confidentiality statement")
	o.expect(chkStaffPrivacy, "prk_links", constKey("V01"), "volunteer since 2025-03-01, no confidentiality statement")
	o.expect(chkStaffPrivacy, "prk_links", constKey("V01"), "volunteer since 2025-03-01, no privacy training")
	o.absent(chkStaffPrivacy, "prk_links", constKey("U02"), "stand-in stopped 2026-07-31: not judged")
}

func (o *Org) buildCameras() {
	o.Cameras = []*Camera{
		{"CAM-MW-01", "Molenwiek entree", "Beveiligingscamera", "Beveiliging van de entree", "28", "", "Instemming PVT 14-01-2026", "Ja"},
		{"CAM-HK-01", "Havenkwartier entree", "Beveiligingscamera", "Beveiliging van de entree", "60", "", "Instemming PVT 14-01-2026", "Ja"},
		{"WEB-MW-RUP", "Molenwiek Rupsjes", "Webcam", "Ouders kijken live mee", "0", "DPIA-2026-04", "", "Ja"},
	}
	o.expect(chkCamera, "cameras", constKey("CAM-MW-01"), "no DPIA recorded")
	o.expect(chkCamera, "cameras", constKey("CAM-HK-01"), "images kept 60 days")
	o.expect(chkCamera, "cameras", constKey("CAM-HK-01"), "no DPIA recorded")
	o.expect(chkCamera, "cameras", constKey("WEB-MW-RUP"), "live webcam: basis (parents' consent) and weighing for staff to record")
	o.expect(chkCamera, "cameras", constKey("WEB-MW-RUP"), "works council consent blank (neither a date nor n.v.t.)")
}

// rewindSecurity cuts the new registers back to prevAsOf (see rewind).
func (o *Org) rewindSecurity(then func(time.Time) bool, future func(*time.Time)) {
	o.PRK = keep(o.PRK, func(l *PRKLink) bool {
		if l.Staff != nil {
			return then(l.Staff.Start)
		}
		return then(l.Start)
	})
	for _, l := range o.PRK {
		future(&l.Linked)
		future(&l.Unlinked)
		future(&l.End)
	}
	for _, d := range o.Devices {
		if !then(d.Lost) {
			d.Lost, d.Breach, d.InUse = time.Time{}, "", "Ja"
		}
	}
	o.StaffPrivacy = keep(o.StaffPrivacy, func(sp *StaffPrivacy) bool { return then(sp.Staff.Start) })
	for _, sp := range o.StaffPrivacy {
		future(&sp.Signed)
		future(&sp.Trained)
	}
	o.Cameras = nil // cameras came in 2026
}

// securitySheets are the new registers as workbook sheets.
func (o *Org) securitySheets() []sheetData {
	prk := sheetData{Name: "Personenregister", Table: "prk_links", Header: []string{"Nummer", "Naam", "Soort", "Start werkzaamheden", "Einde werkzaamheden", "Gekoppeld op", "Ontkoppeld op"}}
	for _, l := range o.PRK {
		prk.Rows = append(prk.Rows, []any{l.ID, l.Name, l.Kind, dateCell(l.Start), dateCell(l.End), dateCell(l.Linked), dateCell(l.Unlinked)})
	}
	devs := sheetData{Name: "Apparaten", Table: "devices", Header: []string{"Apparaat", "Soort", "Gebruikt door", "Versleuteld", "Toegangscode", "MDM", "In gebruik", "Verloren op", "Datalek"}}
	for _, d := range o.Devices {
		devs.Rows = append(devs.Rows, []any{d.ID, d.Kind, d.AssignedTo, d.Encrypted, d.Passcode, d.MDM, d.InUse, dateCell(d.Lost), d.Breach})
	}
	sp := sheetData{Name: "Geheimhouding en training", Table: "staff_privacy", Header: []string{"Personeelsnummer", "Naam", "Geheimhoudingsverklaring getekend op", "Privacytraining gevolgd op"}}
	for _, p := range o.StaffPrivacy {
		sp.Rows = append(sp.Rows, []any{p.Staff.ID, p.Staff.name(), dateCell(p.Signed), dateCell(p.Trained)})
	}
	cams := sheetData{Name: "Camera's", Table: "cameras", Header: []string{"Camera", "Plaats", "Soort", "Doel", "Bewaartermijn (dagen)", "DPIA", "Instemming OR/PVT", "In gebruik"}}
	for _, c := range o.Cameras {
		cams.Rows = append(cams.Rows, []any{c.ID, c.Place, c.Kind, c.Purpose, c.Retention, c.DPIA, c.WorksCouncil, c.InUse})
	}
	return []sheetData{prk, devs, sp, cams}
}

var prkKinds = []struct{ Canonical, Label string }{
	{"staff", "Medewerker"}, {"temp", "Uitzendkracht"}, {"temp", "Invalkracht"}, {"intern", "Stagiair"}, {"volunteer", "Vrijwilliger"},
}

var securityMappings = []mapping{
	{File: "registers/privacyregisters.xlsx", Sheet: "Personenregister", Table: "prk_links", Columns: [][2]string{
		{"Nummer", "person_id"}, {"Naam", "name"}, {"Soort", "kind"}, {"Start werkzaamheden", "work_start"}, {"Einde werkzaamheden", "work_end"},
		{"Gekoppeld op", "linked_at"}, {"Ontkoppeld op", "unlinked_at"},
	}, Values: []valueMap{labelValues("kind", prkKinds)}},
	{File: "registers/privacyregisters.xlsx", Sheet: "Apparaten", Table: "devices", Columns: [][2]string{
		{"Apparaat", "device_id"}, {"Soort", "kind"}, {"Gebruikt door", "assigned_to"}, {"Versleuteld", "encrypted"}, {"Toegangscode", "passcode"},
		{"MDM", "mdm_enrolled"}, {"In gebruik", "in_use"}, {"Verloren op", "lost_at"}, {"Datalek", "breach_id"},
	}},
	{File: "registers/privacyregisters.xlsx", Sheet: "Geheimhouding en training", Table: "staff_privacy", Columns: [][2]string{
		{"Personeelsnummer", "employee_id"}, {"Geheimhoudingsverklaring getekend op", "confidentiality_signed_at"}, {"Privacytraining gevolgd op", "training_completed_at"},
	}},
	{File: "registers/privacyregisters.xlsx", Sheet: "Camera's", Table: "cameras", Columns: [][2]string{
		{"Camera", "camera_id"}, {"Plaats", "location"}, {"Soort", "kind"}, {"Doel", "purpose"}, {"Bewaartermijn (dagen)", "retention_days"},
		{"DPIA", "dpia_reference"}, {"Instemming OR/PVT", "works_council_consent"}, {"In gebruik", "in_use"},
	}},
}

// onlyDigits is s without its non-digits.
func onlyDigits(s string) string {
	var b []rune
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b = append(b, r)
		}
	}
	return string(b)
}
