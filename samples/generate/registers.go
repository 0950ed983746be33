package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ---------------------------------------------------------------- invoices

// hourly rate in cents for the kind of care in a year.
func rate(kind string, year int) int64 {
	base := int64(1085)
	if kind == "BSO" {
		base = 965
	}
	return base - int64(2026-year)*35
}

// monthlyHours in hundredths: days a week times hours a day, 52 weeks over 12 months.
func monthlyHours(c *Child) int64 {
	perDay := int64(1100)
	switch c.Group.Kind {
	case "PO":
		perDay = 400
	case "BSO":
		perDay = 450
	}
	return (int64(len(c.Days))*perDay*52 + 6) / 12
}

func (o *Org) invoice(c *Child, date time.Time, desc string, hours int64) {
	r := rate(c.Group.Kind, date.Year())
	inv := &Invoice{Child: c, Guardian: c.Guardians[0], Date: date, Description: desc, Hours: hours, Rate: r,
		Amount: (hours*r + 50) / 100, Status: "Betaald"}
	if !date.Before(day(2026, 8, 1)) && o.chance(0.15) {
		inv.Status = "Open"
	}
	o.Invoices = append(o.Invoices, inv)
}

func (o *Org) buildInvoices() {
	// Monthly invoices, sent at the end of the month before: the export
	// holds the last sixteen months.
	for m := day(2025, 6, 1); !m.After(day(2026, 9, 1)); m = m.AddDate(0, 1, 0) {
		for _, c := range o.Children {
			if c.Deleted || c.Start.After(endOfMonth(m)) || (!c.End.IsZero() && c.End.Before(m)) {
				continue
			}
			desc := fmt.Sprintf("%s %s (%s)", c.Group.careType(), nlMonth(m), strings.Join(c.Days, ", "))
			o.invoice(c, m.AddDate(0, 0, -1), desc, monthlyHours(c))
		}
	}
	// Each former child's final invoice, the month after care ended.
	for _, c := range o.Children {
		if c.Deleted || c.End.IsZero() || !c.End.Before(day(2025, 6, 1)) || c.Scenario == "old2016" {
			continue
		}
		o.invoice(c, monthEndAfter(c.End, 1), "Slotfactuur opvang t/m "+nlDate(c.End), monthlyHours(c)*int64(20+o.intn(50))/100)
	}
	// Older invoices the yearly clean-up missed.
	old18, old19, edge := o.scenario["old2018"], o.scenario["old2019"], o.scenario["edgeInvoice"]
	o.invoice(old18, day(2017, 6, 30), fmt.Sprintf("%s juli 2017 (%s)", old18.Group.careType(), strings.Join(old18.Days, ", ")), monthlyHours(old18))
	o.invoice(old19, day(2018, 12, 31), fmt.Sprintf("%s januari 2019 (%s)", old19.Group.careType(), strings.Join(old19.Days, ", ")), monthlyHours(old19))
	o.invoice(old19, day(2019, 1, 31), fmt.Sprintf("%s februari 2019 (%s)", old19.Group.careType(), strings.Join(old19.Days, ", ")), monthlyHours(old19))

	slices.SortStableFunc(o.Invoices, func(a, b *Invoice) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Child.ID, b.Child.ID))
	})
	seq := map[int]int{}
	for _, inv := range o.Invoices {
		seq[inv.Date.Year()]++
		inv.ID = fmt.Sprintf("FAC-%d-%05d", inv.Date.Year(), seq[inv.Date.Year()])
	}
	find := func(c *Child, d time.Time) func() string {
		return func() string {
			for _, inv := range o.Invoices {
				if inv.Child == c && inv.Date.Equal(d) {
					return inv.ID
				}
			}
			panic("no invoice")
		}
	}
	o.expect(chkRetention, "admin_invoices", find(old18, day(2017, 6, 30)), "invoice dated 2017-06-30: kept past 31-12-2024")
	o.expect(chkRetention, "admin_invoices", find(old18, day(2018, 8, 31)), "final invoice dated 2018-08-31: kept past 31-12-2025")
	o.expect(chkRetention, "admin_invoices", find(old19, day(2018, 12, 31)), "invoice dated 2018-12-31: kept past 31-12-2025")
	o.absent(chkRetention, "admin_invoices", find(old19, day(2019, 1, 31)), "dated 2019-01-31: may be kept until 31-12-2026")
	o.absent(chkRetention, "admin_invoices", find(edge, day(2019, 12, 31)), "dated 2019-12-31: may be kept until 31-12-2026")

	// The administration's own retention findings are planted with the children.
	key := func(name string) func() string { return func() string { return o.scenario[name].ID } }
	o.expect(chkRetention, "admin_children", key("old2016"), "care ended 2016-07-31: whole record past 7 years")
	o.expect(chkRetention, "admin_children", key("old2018"), "care ended 2018-07-31: whole record past 7 years")
	o.expect(chkRetention, "admin_children", key("old2019"), "care ended 2019-08-31: whole record one day past 7 years")
	o.expect(chkRetention, "admin_children", key("bsn2021"), "care ended 2021-12-31: BSN kept past 24 months")
	o.expect(chkRetention, "admin_children", key("bsn2023"), "care ended 2023-03-31: BSN kept past 24 months")
	o.expect(chkRetention, "admin_children", key("bsnDayPast"), "care ended 2024-08-31: BSN kept one day past 24 months")
	o.absent(chkRetention, "admin_children", key("edge7y"), "care ended 2019-09-01: exactly 7 years; BSN blanked")
	o.absent(chkRetention, "admin_children", key("edgeInvoice"), "care ended 2019-11-30; BSN already blanked")
	o.absent(chkRetention, "admin_children", key("edge24m"), "care ended 2024-09-01: BSN kept exactly 24 months")
}

// ---------------------------------------------------------------- registers

func username(s *Staff) string { return fold(s.First) + "." + fold(s.Last) }

func (o *Org) lastLogin(until time.Time) time.Time {
	return until.AddDate(0, 0, -1-o.intn(14)).Add(time.Duration(7*60+o.intn(12*60)) * time.Minute)
}

func groupNames(gs []*Group) string {
	var names []string
	for _, g := range gs {
		names = append(names, g.Name)
	}
	return strings.Join(names, ", ")
}

func (o *Org) buildRegisters() {
	o.Processors = []*Processor{
		{"KidsAdmin", "Novict B.V.", "Kindadministratie: plaatsing, facturen, kinderopvangtoeslag",
			"NAW, BSN kind en ouders, geboortedata, bankgegevens, facturen, opvangdagen",
			day(2021, 3, 15), day(2027, 3, 14), "ISO 27001, NEN 7510", true, ""},
		{"Konnect", "Konnect B.V.", "Ouderportaal: dagboek, foto's, kindnotities, toestemmingen",
			"Namen, geboortedata, groep, plaatsing, e-mail ouders, kindnotities (ook gezondheid), toestemmingen, foto's",
			day(2019, 2, 1), day(2026, 6, 30), "ISO 27001", true, "Verlenging aangevraagd"},
		{"OneDrive", "Microsoft Ireland Operations Ltd.", "Kinddossiers en inkomensgegevens (gemeentelijke toeslag)",
			"Kinddossiers, inkomensgegevens ouders",
			time.Time{}, time.Time{}, "ISO 27001, ISO 27018", true, "Verwerkersovereenkomst nog vastleggen"},
		{"Facebook", "Meta Platforms Ireland Ltd.", "Bedrijfspagina: activiteiten laten zien",
			"Foto's van kinderen (alleen met schriftelijke toestemming)",
			day(2022, 2, 1), time.Time{}, "", true, "Page Insights-addendum"},
		{"Nmbrs", "Visma Nmbrs B.V.", "Salarisadministratie", "Medewerkersgegevens, BSN medewerkers, salaris",
			day(2023, 9, 1), day(2026, 9, 1), "ISO 27001", true, ""},
		{"Bitcare", "Bitcare B.V.", "Voormalig ouderportaal (tot maart 2019)", "Namen kinderen en ouders, toestemmingen",
			time.Time{}, time.Time{}, "", false, "Niet meer in gebruik; gegevens gemigreerd naar Konnect"},
	}
	name := func(s string) func() string { return func() string { return s } }
	o.expect(chkProcessor, "processors", name("KIJK!"), "tracking system in the manifest, not in the register")
	o.expect(chkProcessor, "processors", name("Konnect"), "agreement expired 2026-06-30")
	o.expect(chkProcessor, "processors", name("OneDrive"), "in use, no agreement signed")
	o.absent(chkProcessor, "processors", name("KidsAdmin"), "agreement valid until 2027-03-14 (manifest spells it Kidsadmin)")
	o.absent(chkProcessor, "processors", name("Nmbrs"), "agreement expires 2026-09-01, the as-of date itself")
	o.absent(chkProcessor, "processors", name("Facebook"), "agreement signed, open-ended")
	o.absent(chkProcessor, "processors", name("Bitcare"), "not in use, no agreement")

	o.buildAccounts()

	o.Requests = []*Request{
		{"AVG-2025-01", "Inzage", day(2025, 2, 3), time.Time{}, day(2025, 2, 24), "Ouder vraagt kopie van het kinddossier"},
		{"AVG-2025-02", "Verwijdering", day(2025, 6, 10), time.Time{}, day(2025, 7, 1), "Foto's uit het dagboek verwijderen na vertrek"},
		{"AVG-2025-03", "Correctie", day(2025, 11, 4), time.Time{}, day(2025, 11, 6), "Adreswijziging"},
		{"AVG-2026-01", "Inzage", day(2026, 1, 14), day(2026, 2, 5), day(2026, 3, 20), "Verlengd: gegevens uit drie systemen verzameld"},
		{"AVG-2026-02", "Inzage", day(2026, 3, 2), time.Time{}, day(2026, 5, 20), "Oud-medewerker vraagt personeelsdossier op"},
		{"AVG-2026-03", "Verwijdering", day(2026, 8, 20), time.Time{}, time.Time{}, "In behandeling"},
	}
	o.Later = append(o.Later, "rights request answered late: AVG-2026-02 received 2026-03-02, answered 2026-05-20 without an extension")

	o.Breaches = []*Breach{
		{"DL-2024-01", at(2024, 3, 12, 10, 20), "Kinderlijst per e-mail naar verkeerde ouder gestuurd", false, time.Time{}, false, time.Time{}, "Ontvanger heeft de mail verwijderd"},
		{"DL-2025-01", at(2025, 5, 6, 16, 45), "Groeps-iPad Vlinders kwijtgeraakt (versleuteld)", false, time.Time{}, false, time.Time{}, "Op afstand gewist"},
		{"DL-2025-02", at(2025, 10, 14, 8, 30), "OneDrive-map met inkomensgegevens via openbare link gedeeld", true, at(2025, 10, 15, 14, 0), false, time.Time{}, "Link ingetrokken, toegang gelogd"},
		{"DL-2026-01", at(2026, 2, 9, 9, 15), "Foto's van groep Dolfijnen in het dagboek van een andere groep geplaatst", true, at(2026, 2, 16, 11, 0), true, at(2026, 2, 12, 17, 0), "Foto's verwijderd, ouders geïnformeerd"},
	}
	o.Later = append(o.Later, "breach reported to the AP late: DL-2026-01 discovered 2026-02-09 09:15, reported 2026-02-16 11:00")

	o.buildPosts()
}

func (o *Org) buildAccounts() {
	for _, s := range o.Staff {
		active := s.End.IsZero()
		until := asOf
		if !active {
			until = s.End
		}
		add := func(system, user, scope string) *Account {
			a := &Account{System: system, Username: user, Staff: s, Scope: scope, Active: active, LastLogin: o.lastLogin(until)}
			o.Accounts = append(o.Accounts, a)
			return a
		}
		office := s.Role == "Directeur" || s.Role == "Locatiemanager" || s.Role == "Administratie" || s.Role == "Beheerder"
		scope := "alle groepen"
		if s.Role == "Locatiemanager" || s.Role == "Pedagogisch medewerker" {
			scope = groupNames(s.Groups)
		}
		mail := username(s) + "@klimboom.example"
		if office {
			add("Kidsadmin", fold(s.First[:1]+s.Last), scope)
			add("OneDrive", mail, scope)
		}
		if s.Role != "Administratie" {
			a := add("Konnect", mail, scope)
			if s.Role == "Pedagogisch medewerker" && !s.End.IsZero() && s.End.After(day(2025, 1, 1)) {
				a.Active, a.LastLogin = true, at(2026, 1, 15, 9, 12)
				o.Later = append(o.Later, fmt.Sprintf("account of a leaver still active: Konnect %s (%s left %s)", mail, s.ID, isoDate(s.End)))
			}
		}
		tracked := false
		for _, g := range s.Groups {
			tracked = tracked || g.tracked()
		}
		if s.Role == "Beheerder" || (s.Role == "Pedagogisch medewerker" && tracked) {
			a := add("KIJK!", username(s), scope)
			if s.Role == "Pedagogisch medewerker" && s.End.IsZero() && s.Groups[0].Name == "Rupsjes" && a.Scope == "Rupsjes" && !o.kijkAllPlanted {
				a.Scope = "alle groepen"
				o.kijkAllPlanted = true
				o.Later = append(o.Later, fmt.Sprintf("need-to-know: KIJK! account %s (%s, works in Rupsjes) sees all groups", a.Username, s.ID))
			}
		}
	}
	o.Accounts = append(o.Accounts, &Account{System: "Konnect", Username: "ipad.vlinders@klimboom.example", Scope: "Vlinders",
		Active: true, LastLogin: at(2026, 8, 31, 16, 2)})
	o.Later = append(o.Later, "shared account: Konnect ipad.vlinders@klimboom.example has no employee")
	slices.SortStableFunc(o.Accounts, func(a, b *Account) int {
		return cmp.Or(cmp.Compare(a.System, b.System), cmp.Compare(a.Username, b.Username))
	})
}

var postCaptions = []string{"Sint Maarten-optocht", "Bezoek aan de kinderboerderij", "Zomerfeest", "Koningsspelen",
	"Pannenkoekendag", "Voorleesontbijt", "Kerstviering", "Sportmiddag", "Speurtocht in het park", "Open dag"}

func (o *Org) buildPosts() {
	var ok, refused, left []*Child
	for _, pc := range o.Portal {
		c := pc.Child
		if c.Scenario != "" {
			continue
		}
		ext := false
		for _, cs := range pc.Consents {
			if cs.Type == cPhotoExternal {
				ext = cs.Granted
			}
		}
		switch {
		case c.End.IsZero() && ext && c.Start.Before(day(2025, 9, 1)):
			ok = append(ok, c)
		case c.End.IsZero() && !ext && c.Start.Before(day(2025, 9, 1)):
			refused = append(refused, c)
		case !c.End.IsZero() && c.End.After(day(2025, 9, 1)) && c.End.Before(day(2026, 6, 1)) && ext:
			left = append(left, c)
		}
	}
	channel := func() string {
		switch n := o.intn(20); {
		case n < 12:
			return "Facebook"
		case n < 17:
			return "Website"
		}
		return "Nieuwsbrief"
	}
	for _, i := range o.r.Perm(len(ok))[:9] {
		o.Posts = append(o.Posts, &Post{Child: ok[i], Date: day(2025, 9, 1).AddDate(0, 0, o.intn(360)), Channel: channel(), Consent: true, Caption: pick(o, postCaptions)})
	}
	nc := &Post{Child: refused[o.intn(len(refused))], Date: day(2026, 4, 24), Channel: "Facebook", Consent: false, Caption: "Koningsspelen"}
	lc := left[o.intn(len(left))]
	lp := &Post{Child: lc, Date: lc.End.AddDate(0, 2, 3), Channel: "Website", Consent: true, Caption: "Open dag"}
	o.Posts = append(o.Posts, nc, lp)
	slices.SortStableFunc(o.Posts, func(a, b *Post) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Child.ID, b.Child.ID)) })
	for i, p := range o.Posts {
		p.ID = fmt.Sprintf("SM-%03d", i+1)
	}
	o.Later = append(o.Later,
		fmt.Sprintf("social post without written consent: %s shows %s", nc.ID, nc.Child.ID),
		fmt.Sprintf("social post of a child who had left: %s shows %s (care ended %s)", lp.ID, lc.ID, isoDate(lc.End)))
}
