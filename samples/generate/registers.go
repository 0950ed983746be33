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
	o.expect(chkRetInvoices, "admin_invoices", find(old18, day(2017, 6, 30)), "invoice dated 2017-06-30: kept past 31-12-2024")
	o.expect(chkRetInvoices, "admin_invoices", find(old18, day(2018, 8, 31)), "final invoice dated 2018-08-31: kept past 31-12-2025")
	o.expect(chkRetInvoices, "admin_invoices", find(old19, day(2018, 12, 31)), "invoice dated 2018-12-31: kept past 31-12-2025")
	o.absent(chkRetInvoices, "admin_invoices", find(old19, day(2019, 1, 31)), "dated 2019-01-31: may be kept until 31-12-2026")
	o.absent(chkRetInvoices, "admin_invoices", find(edge, day(2019, 12, 31)), "dated 2019-12-31: may be kept until 31-12-2026")

	// The administration's own retention findings are planted with the children.
	key := func(name string) func() string { return func() string { return o.scenario[name].ID } }
	// The record, BSN included, may stay until 31 December of the 7th year
	// after the year care ended (the sample keeps the default policy).
	o.expect(chkRetAdmin, "admin_children", key("old2016"), "care ended 2016-07-31: record and BSN kept past 31-12-2023")
	o.expect(chkRetAdmin, "admin_children", key("old2018"), "care ended 2018-07-31: record and BSN kept past 31-12-2025")
	o.absent(chkRetAdmin, "admin_children", key("old2019"), "care ended 2019-08-31: may be kept until 31-12-2026 (care end + 84 months would be a day past)")
	o.absent(chkRetAdmin, "admin_children", key("edge7y"), "care ended 2019-09-01: may be kept until 31-12-2026; BSN blanked")
	o.absent(chkRetAdmin, "admin_children", key("edgeInvoice"), "care ended 2019-11-30: may be kept until 31-12-2026; BSN blanked")
	o.absent(chkRetAdmin, "admin_children", key("bsn2021"), "care ended 2021-12-31: BSN kept with the record until 31-12-2028")
	o.absent(chkRetAdmin, "admin_children", key("bsnDayPast"), "care ended 2024-08-31: BSN kept with the record, not only 24 months")
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
	o.buildProcessors()
	o.buildActivities()
	o.buildAccounts()
	o.buildRequests()
	o.buildBreaches()
	o.buildPosts()
	o.buildFiles()
	o.buildApplicants()
	o.buildComplaints()
	o.buildSecurity()
	o.buildAcceptances()
}

func constKey(s string) func() string { return func() string { return s } }

func (o *Org) buildProcessors() {
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
		{"Mailchimp", "The Rocket Science Group LLC", "Nieuwsbrief aan ouders", "Namen en e-mailadressen ouders",
			day(2024, 12, 1), day(2026, 11, 30), "SOC 2", true, "Jaarcontract"},
		{"Zivver", "Zivver B.V.", "Beveiligd e-mailen met scholen en ouders", "E-mailadressen, overdrachtsformulieren",
			day(2023, 12, 2), day(2026, 12, 1), "ISO 27001, NEN 7510", true, ""},
		{"Bitcare", "Bitcare B.V.", "Voormalig ouderportaal (tot maart 2019)", "Namen kinderen en ouders, toestemmingen",
			time.Time{}, time.Time{}, "", false, "Niet meer in gebruik; gegevens gemigreerd naar Konnect"},
	}
	o.book(chkProcessor, "processors",
		mark{"KIJK!", true, "tracking system in the manifest, not in the register"},
		mark{"Konnect", true, "agreement expired 2026-06-30"},
		mark{"OneDrive", true, "in use, no agreement signed"},
		mark{"KidsAdmin", false, "agreement valid until 2027-03-14 (manifest spells it Kidsadmin)"},
		mark{"Nmbrs", false, "agreement expires 2026-09-01, the as-of date itself"},
		mark{"Facebook", false, "agreement signed, open-ended"},
		mark{"Bitcare", false, "not in use, no agreement"},
	)

	o.book(chkProcessorExpiring, "processors",
		mark{"Nmbrs", true, "agreement expires 2026-09-01, the as-of date itself"},
		mark{"Mailchimp", true, "agreement expires 2026-11-30, the last day of the 90-day window"},
		mark{"Zivver", false, "agreement expires 2026-12-01, one day after the 90-day window"},
		mark{"Konnect", false, "already expired 2026-06-30: processor_agreement_missing reports it"},
		mark{"KidsAdmin", false, "agreement valid until 2027-03-14"},
	)
}

// buildActivities writes the register of processing activities (AVG art. 30).
func (o *Org) buildActivities() {
	o.Activities = []*Activity{
		{"Kindadministratie en facturatie", "Plaatsing, facturatie en kinderopvangtoeslag",
			"Uitvoering overeenkomst (art. 6 lid 1 sub b); wettelijke verplichting (art. 6 lid 1 sub c)",
			"NAW-gegevens, BSN kind en ouders, geboortedata, bankgegevens, opvangdagen", "Kinderen, ouders", "KidsAdmin",
			"BSN 2 jaar na einde opvang; overige gegevens 7 jaar (fiscale bewaarplicht)", "", "Dienst Toeslagen, gemeente, Belastingdienst", "Geen", "Zie het informatiebeveiligingsbeleid"},
		{"Ouderportaal en dagboek", "Contact met ouders: dagboek, foto's, toestemmingen",
			"Uitvoering overeenkomst; toestemming voor foto's (art. 6 lid 1 sub a)",
			"Namen, geboortedata, kindnotities over gezondheid en allergieën, foto's", "Kinderen, ouders", " konnect ",
			"2 jaar na einde opvang", "DPIA-2021-01", "Ouders (van het eigen kind)", "Geen", "Zie het informatiebeveiligingsbeleid"},
		{"Kindvolgsysteem", "De ontwikkeling van kinderen volgen en bespreken met ouders",
			"Gerechtvaardigd belang (art. 6 lid 1 sub f); VVE: wettelijke verplichting",
			"Observaties van de ontwikkeling, VVE-indicatie", "Kinderen", "KIJK!", "2 jaar na einde opvang", "DPIA-2022-03", "Basisschool (overdracht)", "Geen", "Zie het informatiebeveiligingsbeleid"},
		{"Overdracht naar de basisschool", "Warme overdracht aan de school", "Toestemming ouders (art. 6 lid 1 sub a)",
			"Overdrachtsformulier, VVE-programma en -duur", "Kinderen, ouders", "KIJK!, Zivver", "Niet bewaard na verzending", "", "Basisschool", "Geen", "Versleuteld verzenden (Zivver)"},
		{"Kinddossiers en inkomensgegevens", "Dossiers van kinderen; gemeentelijke toeslag", "Uitvoering overeenkomst; wettelijke verplichting",
			"Kinddossiers, inkomensgegevens ouders", "Kinderen, ouders", "OneDrive, Excel", "2 jaar na einde opvang", "", "Gemeente (inkomensgegevens)", "", "Zie het informatiebeveiligingsbeleid"},
		{"Social media en website", "Activiteiten van de opvang laten zien", "Toestemming (art. 6 lid 1 sub a)",
			"Foto's van kinderen", "Kinderen", "Facebook", "Tot intrekking van de toestemming", "", "Iedereen (openbare pagina)", "Verenigde Staten (Meta): EU-VS-gegevensprivacykader", "Beheer door twee medewerkers, tweestapsverificatie"},
		{"Salarisadministratie", "Salaris betalen", "Uitvoering arbeidsovereenkomst; wettelijke verplichting",
			"Medewerkersgegevens, BSN, salaris", "Medewerkers", "Nmbrs", "7 jaar (fiscale bewaarplicht)", "", "Belastingdienst, pensioenfonds", "Geen", "Zie het informatiebeveiligingsbeleid"},
		{"Privacyregisters", "Verantwoording onder de AVG: verwerkers, datalekken, verzoeken, accounts",
			"Wettelijke verplichting (AVG art. 30 en 33)", "Namen, functies, accounts", "Medewerkers, ouders", "Excel", "", "", "Autoriteit Persoonsgegevens (bij een datalek)", "Geen", "Zie het informatiebeveiligingsbeleid"},
		{"Werving en selectie", "", "", "Cv, motivatiebrief, contactgegevens", "Sollicitanten", "Excel, OneDrive",
			"4 weken na de procedure; 1 jaar met toestemming", "", "", "", ""},
		{"Klachtenafhandeling", "Klachten van ouders afhandelen", "Wettelijke verplichting (Wet kinderopvang art. 1.57b)",
			"Klachten, contactgegevens ouders", "Ouders", "Excel", "2 jaar na afhandeling", "", "Geschillencommissie Kinderopvang", "Geen", "Zie het informatiebeveiligingsbeleid"},
		{"Medicijnverstrekking", "Medicijnen toedienen op verzoek van ouders", "Uitdrukkelijke toestemming (art. 9 lid 2 sub a)",
			"Gezondheidsgegevens: medicijngebruik en dosering", "Kinderen", "Excel", "Tot einde opvang", "", "Geen", "Geen", "Map in een afgesloten kast"},
		{"Cameratoezicht entree", "Beveiliging van de entree", "Gerechtvaardigd belang (art. 6 lid 1 sub f)",
			"Camerabeelden van bezoekers en medewerkers", "Ouders, medewerkers, bezoekers", "", "4 weken", "", "Politie (bij een incident)", "Geen", ""},
		{"Personeelsvolgsysteem", "Functioneren en ontwikkeling van medewerkers bijhouden", "Gerechtvaardigd belang (art. 6 lid 1 sub f)",
			"Beoordelingen, gespreksverslagen", "Medewerkers", "OneDrive", "2 jaar na uitdiensttreding", "", "Geen", "Geen", "Zie het informatiebeveiligingsbeleid"},
		{"Zorgsignalen", "Zorgen over een kind bespreken met ouders en de intern begeleider", "Wettelijke verplichting (meldcode)",
			"Observaties van gedrag, gespreksverslagen", "Kinderen, ouders", "OneDrive", "5 jaar (meldcode)", "DPIA-2023-02", "Veilig Thuis (bij een melding)", "Geen", "Zie het informatiebeveiligingsbeleid"},
	}
	o.book(chkRegisterIncomplete, "processors",
		mark{"Mailchimp", true, "in use (newsletter), in no processing activity"},
		mark{"Konnect", false, `registered as " konnect " (case and spaces differ)`},
		mark{"Zivver", false, "registered in a list of two systems"},
		mark{"Bitcare", false, "not in use"},
	)
	o.book(chkRegisterIncomplete, "processing_activities",
		mark{"Privacyregisters", true, "no retention period"},
		mark{"Werving en selectie", true, "no purpose, recipients, transfers or security measures"},
		mark{"Kinddossiers en inkomensgegevens", true, "transfers outside the EEA not filled in"},
		mark{"Cameratoezicht entree", true, "no security measures"},
		mark{"Kindvolgsysteem", false, "complete"},
		mark{"Medicijnverstrekking", false, `recipients and transfers "Geen": filled in`},
	)
	o.book(chkRegisterBasis, "processing_activities",
		mark{"Werving en selectie", true, "no legal basis (good practice, not an art. 30 element)"},
		mark{"Kindvolgsysteem", false, "legal basis recorded"},
	)

	o.book(chkDPIA, "processing_activities",
		mark{"Medicijnverstrekking", true, "health data (gezondheidsgegevens), no DPIA"},
		mark{"Cameratoezicht entree", true, "camera images, no DPIA"},
		mark{"Personeelsvolgsysteem", true, "staff monitoring (personeelsvolgsysteem), no DPIA"},
		mark{"Kindvolgsysteem", false, "observation of children, DPIA-2022-03"},
		mark{"Zorgsignalen", false, "observation of behaviour, DPIA-2023-02"},
		mark{"Ouderportaal en dagboek", false, "health notes, DPIA-2021-01"},
		mark{"Kindadministratie en facturatie", false, "no DPIA category"},
	)
}

func (o *Org) staffByID(id string) *Staff {
	for _, s := range o.Staff {
		if s.ID == id {
			return s
		}
	}
	panic("no staff " + id)
}

func accountKey(a *Account) func() string {
	return func() string { return a.System + "/" + a.Username }
}

func (o *Org) buildAccounts() {
	for _, s := range o.Staff {
		active := s.End.IsZero() || !s.End.Before(asOf)
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
		if s.Role == "Administratie" {
			// Nmbrs lets the salary administrator log in with a BSN.
			a := add("Nmbrs", o.newBSN(), scope)
			o.expect(chkBSNIdentifier, "accounts", func() string { return "Nmbrs/*****" + a.Username[5:] }, "Nmbrs login is a BSN")
			o.expect(chkBSNOutside, "accounts", constKey("Gebruikersnaam"), "the Nmbrs login in the accounts register is a BSN")
		}
		if s.Role != "Administratie" {
			a := add("Konnect", mail, scope)
			switch {
			case s.Role == "Pedagogisch medewerker" && !s.End.IsZero() && s.End.After(day(2025, 1, 1)) && s.End.Before(asOf):
				a.Active, a.LastLogin = true, at(2026, 1, 15, 9, 12)
				o.expect(chkAccountAfterLeaving, "accounts", accountKey(a), fmt.Sprintf("%s left %s, still active, last login 2026-01-15", s.ID, isoDate(s.End)))
			case s.End.Equal(asOf):
				o.absent(chkAccountAfterLeaving, "accounts", accountKey(a), fmt.Sprintf("%s leaves on the as-of date itself", s.ID))
			case s.Role == "Pedagogisch coach":
				o.expect(chkAccountScope, "accounts", accountKey(a), fmt.Sprintf("%s (pedagogisch coach) sees all groups; the policy allows that only to beheerder, administratie and directeur", s.ID))
			case s.Role == "Directeur":
				o.absent(chkAccountScope, "accounts", accountKey(a), "the policy lets the directeur see all groups")
			case s.Role == "Locatiemanager":
				o.absent(chkAccountScope, "accounts", accountKey(a), "sees the four groups of the location, not all")
			}
		}
		tracked := false
		for _, g := range s.Groups {
			tracked = tracked || g.tracked()
		}
		if s.Role == "Beheerder" || (s.Role == "Pedagogisch medewerker" && tracked) {
			a := add("KIJK!", username(s), scope)
			if s.Role == "Pedagogisch medewerker" && s.End.IsZero() && s.Groups[0].Name == "Rupsjes" && a.Scope == "Rupsjes" && !o.kijkAllPlanted {
				a.Scope = "Alle groepen"
				o.kijkAllPlanted = true
				o.expect(chkAccountScope, "accounts", accountKey(a), fmt.Sprintf("%s works in Rupsjes and sees all groups", s.ID))
			}
			if s.ID == "M024" {
				a.Active, a.LastLogin = true, at(2024, 6, 27, 16, 40)
				o.expect(chkAccountAfterLeaving, "accounts", accountKey(a), "M024 left 2024-06-30; account still active, last login before leaving")
			}
		}
	}
	var kajuit []string
	for _, s := range o.group("Kajuit").Staff {
		if s.End.IsZero() {
			kajuit = append(kajuit, s.ID)
		}
	}
	shared := []*Account{
		{System: "Konnect", Username: "ipad.vlinders@klimboom.example", Scope: "Vlinders", Active: true, LastLogin: at(2026, 8, 31, 16, 2)},
		{System: "Konnect", Username: "ipad.dolfijnen@klimboom.example", Scope: "Dolfijnen", Active: false, LastLogin: at(2025, 5, 6, 15, 30)},
		{System: "Konnect", Username: "groep.kajuit@klimboom.example", Scope: "Kajuit", Active: true, LastLogin: at(2026, 8, 28, 11, 47),
			SharedBy: strings.Join(kajuit, ", ")},
		{System: "KIJK!", Username: "invaller.boomhut", Scope: "Boomhut", Active: true, LastLogin: at(2026, 6, 19, 9, 5), SharedBy: "M099"},
	}
	o.Accounts = append(o.Accounts, shared...)
	o.expect(chkAccountShared, "accounts", accountKey(shared[0]), "group iPad login, no employee")
	o.absent(chkAccountShared, "accounts", accountKey(shared[1]), "no employee, but deactivated after the iPad was lost")
	o.expect(chkAccountShared, "accounts", accountKey(shared[2]), "one login for "+shared[2].SharedBy)
	o.expect(chkAccountShared, "accounts", accountKey(shared[3]), "employee M099 is not in the staff register")
	slices.SortStableFunc(o.Accounts, func(a, b *Account) int {
		return cmp.Or(cmp.Compare(a.System, b.System), cmp.Compare(a.Username, b.Username))
	})
}

func (o *Org) buildRequests() {
	o.Requests = []*Request{
		{"AVG-2025-01", "Inzage", day(2025, 2, 3), time.Time{}, day(2025, 2, 24), "Ouder vraagt kopie van het kinddossier"},
		{"AVG-2025-02", "Correctie", day(2025, 4, 1), day(2025, 5, 5), day(2025, 5, 20), "Verlenging pas na een maand gemeld"},
		{"AVG-2025-03", "Verwijdering", day(2025, 6, 10), time.Time{}, day(2025, 7, 10), "Foto's uit het dagboek verwijderen na vertrek"},
		{"AVG-2025-04", "Correctie", day(2025, 11, 4), time.Time{}, day(2025, 11, 6), "Adreswijziging"},
		{"AVG-2025-05", "Inzage", day(2025, 11, 20), day(2025, 12, 10), day(2026, 2, 21), "Verlengd; camerabeelden opgevraagd bij de beveiliger"},
		{"AVG-2026-01", "Inzage", day(2026, 1, 14), day(2026, 2, 14), day(2026, 3, 20), "Verlengd: gegevens uit drie systemen verzameld"},
		{"AVG-2026-02", "Inzage", day(2026, 3, 2), time.Time{}, day(2026, 5, 20), "Oud-medewerker vraagt personeelsdossier op"},
		{"AVG-2026-03", "Inzage", day(2026, 5, 15), day(2026, 6, 1), time.Time{}, "Verlengd; wacht op stukken van de oudercommissie"},
		{"AVG-2026-04", "Correctie", day(2026, 6, 1), day(2026, 6, 20), time.Time{}, "Verlengd; in behandeling"},
		{"AVG-2026-05", "Inzage", day(2026, 7, 31), time.Time{}, time.Time{}, "In behandeling"},
		{"AVG-2026-06", "Bezwaar", day(2026, 8, 1), time.Time{}, time.Time{}, "Bezwaar tegen foto's op de website; in behandeling"},
		{"AVG-2026-07", "Verwijdering", day(2026, 8, 20), time.Time{}, time.Time{}, "In behandeling"},
	}
	o.book(chkRequestOverdue, "requests",
		mark{"AVG-2025-02", true, "received 2025-04-01; extension notified 2025-05-05, after the month; answered 2025-05-20"},
		mark{"AVG-2025-05", true, "received 2025-11-20, extended, answered 2026-02-21: one day past three months"},
		mark{"AVG-2026-02", true, "received 2026-03-02, answered 2026-05-20 without an extension"},
		mark{"AVG-2026-03", true, "received 2026-05-15, extended, still open after three months (2026-08-15)"},
		mark{"AVG-2026-05", true, "received 2026-07-31, still open after the month (2026-08-31)"},
		mark{"AVG-2025-03", false, "answered 2025-07-10, exactly one month after receipt"},
		mark{"AVG-2026-01", false, "extension notified 2026-02-14, exactly one month after receipt; answered within three"},
		mark{"AVG-2026-04", false, "received 2026-06-01, extended: the three months end on the as-of date"},
		mark{"AVG-2026-06", false, "received 2026-08-01: the month ends on the as-of date"},
		mark{"AVG-2026-07", false, "received 2026-08-20, open within the month"},
	)
}

func (o *Org) buildBreaches() {
	o.Breaches = []*Breach{
		{"DL-2024-01", at(2024, 3, 12, 10, 20), "Kinderlijst per e-mail naar verkeerde ouder gestuurd", "Nee", time.Time{}, false, time.Time{},
			"", "Ontvanger heeft de mail verwijderd", "", ""},
		{"DL-2025-01", at(2025, 5, 6, 16, 45), "Groeps-iPad Dolfijnen kwijtgeraakt (versleuteld)", "", time.Time{}, false, time.Time{},
			"Geen: het apparaat is versleuteld", "Op afstand gewist, account gedeactiveerd", "", ""},
		{"DL-2025-02", at(2025, 10, 14, 8, 30), "OneDrive-map met inkomensgegevens via openbare link gedeeld", "Ja", at(2025, 10, 17, 8, 30), false, time.Time{},
			"Inkomensgegevens van 12 gezinnen mogelijk ingezien", "Link ingetrokken, toegang gelogd", "", ""},
		{"DL-2026-01", at(2026, 2, 9, 9, 15), "Foto's van groep Dolfijnen in het dagboek van een andere groep geplaatst", "Ja", at(2026, 2, 16, 11, 0), true, at(2026, 2, 12, 17, 0),
			"Foto's van 9 kinderen gezien door ouders van een andere groep", "Foto's verwijderd, ouders geïnformeerd", "", ""},
		{"DL-2026-02", at(2026, 8, 27, 16, 0), "USB-stick met kinderlijsten en allergieën kwijt", "Ja", time.Time{}, true, time.Time{},
			"Gezondheidsgegevens van 31 kinderen mogelijk in handen van derden", "Aangifte gedaan; USB-sticks verboden", "", ""},
		{"DL-2026-03", at(2026, 8, 30, 9, 0), "Verkeerde bijlage naar een ouder gemaild", "Ja", time.Time{}, false, time.Time{},
			"Naam en groep van één ander kind gezien", "Ontvanger gevraagd de mail te verwijderen", "", ""},
		{"DL-2026-04", at(2026, 6, 3, 13, 30), "Overdrachtsformulier met zorgsignalen naar de verkeerde school gestuurd", "Nee", time.Time{}, true, at(2026, 6, 4, 10, 0),
			"Zorgsignalen over één kind gelezen door een andere school", "School gevraagd het formulier te verwijderen", "", ""},
		{"DL-2026-05", at(2026, 7, 8, 11, 0), "Laptop van de administratie gestolen", "Ja", at(2026, 7, 9, 9, 0), true, time.Time{},
			"NAW-gegevens en BSN van alle kinderen op de schijf", "Aangifte gedaan, laptop op afstand geblokkeerd", "Versleutelde schijf (art. 34 lid 3 sub a)", ""},
	}
	o.book(chkBreach, "breaches",
		mark{"DL-2024-01", true, "register entry without the consequences (incomplete_entry: effects)"},
		mark{"DL-2025-01", true, "no decision whether it must be reported (incomplete_entry: reportable)"},
		mark{"DL-2026-01", true, "discovered 2026-02-09 09:15, reported 2026-02-16 11:00 (reported_late)"},
		mark{"DL-2026-02", true, "discovered 2026-08-27 16:00, not reported after 72 hours (not_reported)"},
		mark{"DL-2026-02", true, "high risk, the people affected not informed (subjects_not_informed)"},
		mark{"DL-2025-02", false, "reported exactly 72 hours after discovery"},
		mark{"DL-2026-03", false, "discovered 2026-08-30 09:00: the 72 hours have not passed"},
		mark{"DL-2026-04", true, "high risk, but recorded as not reportable (high_risk_not_reportable)"},
		mark{"DL-2026-05", false, "high risk, people not informed: the art. 34(3) exception (encrypted disk) is recorded"},
	)
}

var postCaptions = []string{"Sint Maarten-optocht", "Bezoek aan de kinderboerderij", "Zomerfeest", "Koningsspelen",
	"Pannenkoekendag", "Voorleesontbijt", "Kerstviering", "Sportmiddag", "Speurtocht in het park", "Open dag"}

// externalConsent is the child's last photo_external answer in the portal.
func externalConsent(pc *PortalChild) *Consent {
	var last *Consent
	for _, cs := range pc.Consents {
		if cs.Type == cPhotoExternal {
			last = cs
		}
	}
	return last
}

func (o *Org) buildPosts() {
	var ok, refused, left []*Child
	for _, pc := range o.Portal {
		c := pc.Child
		if c.Scenario != "" {
			continue
		}
		ext := externalConsent(pc)
		granted := ext != nil && ext.Granted && ext.Withdrawn.IsZero()
		switch {
		case c.End.IsZero() && granted && c.Start.Before(day(2025, 9, 1)):
			ok = append(ok, c)
		case c.End.IsZero() && !granted && c.Start.Before(day(2025, 9, 1)):
			refused = append(refused, c)
		case !c.End.IsZero() && c.End.After(day(2025, 3, 1)) && c.End.Before(day(2026, 6, 1)) && granted:
			left = append(left, c)
		}
	}
	if len(ok) < 12 || len(refused) < 2 || len(left) < 3 {
		panic(fmt.Sprintf("too few children for the posts: %d %d %d", len(ok), len(refused), len(left)))
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
	perm := o.r.Perm(len(ok))
	for _, i := range perm[:9] {
		p := &Post{Child: ok[i], Date: day(2025, 9, 15).AddDate(0, 0, o.intn(340)), Channel: channel(), Consent: true, Caption: pick(o, postCaptions)}
		if o.chance(0.6) {
			p.Ref = fmt.Sprintf("TF-%d-%03d", p.Date.Year(), 1+o.intn(60))
		}
		o.Posts = append(o.Posts, p)
	}
	post := func(c *Child, d time.Time, ch string, consent bool, ref, caption string) *Post {
		p := &Post{Child: c, Date: d, Channel: ch, Consent: consent, Ref: ref, Caption: caption}
		o.Posts = append(o.Posts, p)
		return p
	}
	// Without written consent: refused in the portal; only a form reference;
	// granted in the portal; granted in the portal but withdrawn before.
	nc := post(refused[0], day(2026, 4, 24), "Facebook", false, "", "Koningsspelen")
	ref := post(refused[1], day(2026, 6, 12), "Website", false, "TF-2026-031", "Zomerfeest")
	portalYes := post(ok[perm[9]], day(2026, 3, 18), "Nieuwsbrief", false, "", "Voorleesontbijt")
	wc := ok[perm[10]]
	wd := at(2026, 2, 10, 20, 15)
	externalConsent(wc.Portal).Withdrawn = wd
	withdrawn := post(wc, day(2026, 5, 12), "Facebook", false, "", "Speurtocht in het park")
	postKey := func(p *Post) func() string { return func() string { return p.ID + "/" + p.Child.ID } }
	o.expect(chkExternalPost, "social_posts", postKey(nc), "written consent Nee, no form; the portal answer for external photos is no")
	o.expect(chkExternalPost, "social_posts", postKey(withdrawn), "written consent Nee; the portal's yes was withdrawn "+isoDate(wd)+", before posting")
	o.absent(chkExternalPost, "social_posts", postKey(ref), "written consent Nee, but a signed form is referenced (TF-2026-031)")
	o.absent(chkExternalPost, "social_posts", postKey(portalYes), "written consent Nee, but the portal holds a yes for external photos")

	// After the end of care: two months later, the day after, the last day.
	lc, l1, l0 := left[0], left[1], left[2]
	lp := post(lc, lc.End.AddDate(0, 2, 3), "Website", true, "TF-2025-012", "Open dag")
	p1 := post(l1, l1.End.AddDate(0, 0, 1), "Facebook", true, "", "Zomerfeest")
	p0 := post(l0, l0.End, "Facebook", true, "", "Afscheidsfeest")
	o.expect(chkPostAfterCare, "social_posts", postKey(lp), fmt.Sprintf("posted %s; care ended %s", isoDate(lp.Date), isoDate(lc.End)))
	o.expect(chkPostAfterCare, "social_posts", postKey(p1), fmt.Sprintf("posted %s, the day after care ended", isoDate(p1.Date)))
	o.absent(chkPostAfterCare, "social_posts", postKey(p0), fmt.Sprintf("posted %s, the last day of care", isoDate(p0.Date)))

	slices.SortStableFunc(o.Posts, func(a, b *Post) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Child.ID, b.Child.ID)) })
	for i, p := range o.Posts {
		p.ID = fmt.Sprintf("SM-%03d", i+1)
	}
}
