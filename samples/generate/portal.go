package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// konnectSince is when the organisation moved to Konnect; answers given
// before then were migrated from Bitcare without a date.
var konnectSince = day(2019, 3, 1)

// portalRetentionStart: a child whose care ended before this day is past the
// 24 months on the as-of date, so a tidy portal no longer holds it.
var portalRetentionStart = asOf.AddDate(0, -24, 0)

func (o *Org) buildPortal() {
	for _, c := range o.Children {
		pc := &PortalChild{Child: c, Start: c.Start, End: c.End, Birth: c.Birth}
		in := false
		switch c.Scenario {
		case "bsnDayPast", "edge24m", "portal2022", "portalOrphan", "portalAdminRecent":
			in = true
		case "portalOpen":
			in, pc.End = true, time.Time{}
		case "portalMoved":
			in, pc.End = true, endOfMonth(c.Birth.AddDate(0, 47, 0))
		case "portalUnlinked", "unlinkedEdge":
			in, pc.Unlinked = true, true
		default:
			if c.plain() {
				in = !c.Deleted && (c.End.IsZero() || !c.End.Before(portalRetentionStart))
			}
		}
		switch c.Scenario {
		case "portalAdminRecent":
			pc.End = day(2022, 12, 31)
		case "plainPortalLater":
			pc.End = day(2026, 8, 31)
		case "plainEndsToday":
			pc.End = time.Time{}
		case "plainReligion", "plainGivenByCase":
			pc.First = strings.ToUpper(c.First)
		}
		if !in {
			continue
		}
		c.Portal = pc
		o.Portal = append(o.Portal, pc)
	}
	slices.SortStableFunc(o.Portal, func(a, b *PortalChild) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.Child.ID, b.Child.ID))
	})
	for i, pc := range o.Portal {
		pc.ID = fmt.Sprintf("PK%04d", i+1)
	}

	o.portalAccess()
	for _, pc := range o.Portal {
		ref := asOf
		if !pc.Child.End.IsZero() && pc.Child.End.Before(ref) {
			ref = pc.Child.End
		}
		for _, g := range pc.Child.Guardians {
			if g.Access {
				g.LastLogin = o.lastLogin(ref)
			}
		}
	}

	key := func(name string) func() string { return func() string { return o.scenario[name].Portal.ID } }
	o.expect(chkRetPortal, "portal_children", key("bsnDayPast"), "care ended 2024-08-31 (Kidsadmin): one day past 24 months")
	o.expect(chkRetPortal, "portal_children", key("portal2022"), "care ended 2022-07-31: past 24 months")
	o.expect(chkRetPortal, "portal_children", key("portalOpen"), "placement never closed in the portal; Kidsadmin care ended 2023-06-30")
	o.expect(chkRetPortal, "portal_children", key("portalUnlinked"), "no child number in the portal; placement ended 2023-12-31")
	o.expect(chkRetPortal, "portal_children", key("portalOrphan"), "child number no longer in Kidsadmin; placement ended 2017-07-31")
	o.absent(chkRetPortal, "portal_children", key("edge24m"), "care ended 2024-09-01: exactly 24 months")
	o.absent(chkRetPortal, "portal_children", key("portalMoved"), "still in care in Kidsadmin; the portal shows the end of an old KDV placement")
	o.absent(chkRetPortal, "portal_children", key("portalAdminRecent"), "Kidsadmin care_end 2025-06-30 governs, not the portal's 2022-12-31")
	o.absent(chkRetPortal, "portal_children", key("unlinkedEdge"), "no child number; placement ended 2024-09-01: exactly 24 months")

	o.expect(chkChildUnknown, "portal_children", key("portalUnlinked"), "no child number in the portal")
	o.expect(chkChildUnknown, "portal_children", key("unlinkedEdge"), "no child number in the portal")
	o.expect(chkChildUnknown, "portal_children", key("portalOrphan"), "child number deleted from Kidsadmin")
	o.absent(chkChildUnknown, "portal_children", key("portalMoved"), "linked to Kidsadmin")

	o.expect(chkPlacementOpen, "portal_children", key("portalOpen"), "Kidsadmin care ended 2023-06-30; the portal placement has no end")
	o.expect(chkPlacementOpen, "portal_children", key("plainPortalLater"), "Kidsadmin care ended 2026-06-30; the portal placement ends 2026-08-31")
	o.absent(chkPlacementOpen, "portal_children", key("plainEndsToday"), "Kidsadmin care ends 2026-09-01, the as-of date: not ended yet")
	o.absent(chkPlacementOpen, "portal_children", key("portalAdminRecent"), "the portal placement ended before Kidsadmin's care")
	o.absent(chkPlacementOpen, "portal_children", key("portalMoved"), "still in care in Kidsadmin")

	o.absent(chkChildMismatch, "portal_children", key("plainReligion"), "first name in capitals in the portal: same name")

	// An accuracy problem: Konnect: Konnect has the birth date
	// with day and month swapped.
	n := 0
	for _, pc := range o.Portal {
		c := pc.Child
		if c.Scenario != "" || !c.End.IsZero() || c.Birth.Day() > 12 || c.Birth.Day() == int(c.Birth.Month()) {
			continue
		}
		if n++; n == 7 {
			pc.Birth = day(c.Birth.Year(), time.Month(c.Birth.Day()), int(c.Birth.Month()))
			o.expect(chkChildMismatch, "portal_children", func() string { return pc.ID },
				fmt.Sprintf("birth date %s in Konnect, %s in Kidsadmin (%s): day and month swapped", isoDate(pc.Birth), isoDate(c.Birth), c.ID))
			break
		}
	}
}

// ---------------------------------------------------------------- consents

func (o *Org) evening(d time.Time) time.Time {
	return d.Add(time.Duration(18*60+o.intn(5*60)) * time.Minute)
}

func (o *Org) addConsent(pc *PortalChild, typ int, granted bool, recorded time.Time) *Consent {
	c := &Consent{PC: pc, Type: typ, Granted: granted, Recorded: recorded, By: "Ouder (portaal)"}
	if recorded.IsZero() {
		c.By = "Migratie Bitcare"
	} else {
		c.GivenBy = o.parentInPortal(pc.Child).name()
	}
	pc.Consents = append(pc.Consents, c)
	o.Consents = append(o.Consents, c)
	return c
}

func (o *Org) buildConsents() {
	for _, pc := range o.Portal {
		c := pc.Child
		intake := o.evening(pc.Start.AddDate(0, 0, -1-o.intn(21)))
		if pc.Start.Before(konnectSince) {
			intake = time.Time{}
		}
		ref := asOf
		if !c.End.IsZero() && c.End.Before(ref) {
			ref = c.End
		}
		ageYears := ref.Sub(c.Birth).Hours() / 24 / 365.25
		bso := c.Group.Kind == "BSO"
		answers := [8]bool{
			cPhotoPortal:   true,
			cPhotoExternal: o.chance(0.6),
			cPickup:        o.chance(0.9),
			cTransport:     o.chance(0.8),
			cFriendVisit:   bso && o.chance(0.85),
			cVisitFriend:   bso && o.chance(0.8),
			cFromSchool:    bso && ageYears >= 8 && o.chance(0.5),
			cHome:          bso && ageYears >= 9 && o.chance(0.4),
		}
		for t := range consentTypes {
			if t == cPhotoPortal || o.unanswered(c, t) {
				continue
			}
			rec := intake
			switch c.Scenario {
			case "photoLate":
				rec = at(2025, 9, 12, 21, 3)
			case "photoExact":
				rec = at(2026, 1, 12, 9, 30)
			}
			o.addConsent(pc, t, answers[t], rec)
		}
		o.photoConsent(pc, intake)
	}
	o.reconfirm()
	o.plantConsents()
	o.expectUnnamedPhotoConsents()
}

// expectUnnamedPhotoConsents: a photo consent given without the name of
// who gave it (answers migrated from Bitcare and never reconfirmed, as the
// child had left by the yearly round) cannot be demonstrated (AVG art. 7
// lid 1).
func (o *Org) expectUnnamedPhotoConsents() {
	for _, cs := range o.Consents {
		if cs.Granted && cs.GivenBy == "" && (cs.Type == cPhotoPortal || cs.Type == cPhotoExternal) {
			o.expect(chkConsentGuardian, "portal_consents", consentKey(cs), "photo consent migrated without the name of who gave it")
		}
	}
}

// parentInPortal picks a parent who has a row in the portal.
func (o *Org) parentInPortal(c *Child) *Guardian {
	for {
		if g := pick(o, c.Guardians); !g.NotInPortal {
			return g
		}
	}
}

// unanswered: the planted children whose parents skipped a question.
func (o *Org) unanswered(c *Child, t int) bool {
	switch c.Scenario {
	case "plainConsentGaps":
		return t == cTransport || t == cHome
	case "plainConsentLast":
		return t == cTransport
	case "plainConsentLeft":
		return t == cPickup
	}
	return false
}

func (o *Org) consentOf(name string, typ int) *Consent {
	for _, cs := range o.scenario[name].Portal.Consents {
		if cs.Type == typ {
			return cs
		}
	}
	panic("no consent " + name)
}

// consentKey is the record key of a portal_consents row: child, type and,
// for a dated answer, when it was recorded (yyyy-mm-dd hh:mm).
func consentKey(cs *Consent) func() string {
	return func() string {
		k := cs.PC.ID + "/" + consentTypes[cs.Type].Canonical
		if !cs.Recorded.IsZero() {
			k += "/" + cs.Recorded.Format("2006-01-02 15:04")
		}
		return k
	}
}

// plantConsents books the incomplete intakes and plants the answers given
// by someone other than a parent and the old answers never reconfirmed.
func (o *Org) plantConsents() {
	pk := func(name string) func() string { return func() string { return o.scenario[name].Portal.ID } }
	o.expect(chkConsentIncomplete, "portal_children", pk("photoNone"), "no answer for photo_portal")
	o.expect(chkConsentIncomplete, "portal_children", pk("plainConsentGaps"), "no answers for independent_home, transport")
	o.expect(chkConsentIncomplete, "portal_children", pk("plainConsentLast"), "no answer for transport; the placement ends on the as-of date")
	o.absent(chkConsentIncomplete, "portal_children", pk("plainConsentLeft"), "no answer for pickup_by_others, but the placement ended 2026-08-31")

	grandma := o.consentOf("plainGivenByGrandma", cPickup)
	grandma.GivenBy = "Oma " + pick(o, lastNames)
	byStaff := o.consentOf("plainGivenByStaff", cTransport)
	byStaff.GivenBy = o.staffAt(o.scenario["plainGivenByStaff"].Group, asOf).name()
	byCase := o.consentOf("plainGivenByCase", cPickup)
	byCase.GivenBy = strings.Join(strings.Fields(strings.ToUpper(o.scenario["plainGivenByCase"].Guardians[0].name())), "  ")
	ap := o.scenario["plainAdminParent"]
	byAdmin := o.consentOf("plainAdminParent", cTransport)
	byAdmin.GivenBy = ap.Guardians[1].name()
	o.expect(chkConsentGuardian, "portal_consents", consentKey(grandma), "given by the grandmother, not a parent")
	o.expect(chkConsentGuardian, "portal_consents", consentKey(byStaff), "given by a staff member on the parents' behalf")
	o.absent(chkConsentGuardian, "portal_consents", consentKey(byCase), "the parent's name in capitals with double spaces")
	o.absent(chkConsentGuardian, "portal_consents", consentKey(byAdmin), "given by a parent known only to Kidsadmin")

	late := o.consentOf("plainReconfirmLate", cPickup)
	late.Granted, late.Recorded = true, at(2025, 8, 31, 21, 10)
	edge := o.consentOf("plainReconfirmEdge", cPickup)
	edge.Granted, edge.Recorded = true, at(2025, 9, 1, 19, 30)
	migrated := o.consentOf("photoMigrated", cPhotoPortal)
	o.absent(chkReconfirm, "portal_consents", consentKey(late), "pickup by others given 2025-08-31 21:10: a parental permission, which does not expire")
	o.expect(chkReconfirm, "portal_consents", consentKey(migrated), "migrated without a date (undated)")
	o.absent(chkReconfirm, "portal_consents", consentKey(edge), "given 2025-09-01 19:30, on the day 12 months ago")
}

// reconfirmFrom: answers recorded before it are older than the twelve
// months the policy allows.
var reconfirmFrom = asOf.AddDate(0, -12, 0)

// reconfirm is the yearly round in the first days of September 2025: the
// parents of every child placed in the portal confirm each permission they
// gave, which updates its recorded date.
func (o *Org) reconfirm() {
	for _, pc := range o.Portal {
		if !pc.End.IsZero() && pc.End.Before(asOf) {
			continue
		}
		round := o.evening(reconfirmFrom.AddDate(0, 0, o.intn(10)))
		for _, cs := range pc.Consents {
			if cs.Keep || !cs.Granted || !cs.Withdrawn.IsZero() || !cs.Recorded.Before(reconfirmFrom) {
				continue
			}
			cs.before = &consentState{cs.Recorded, cs.By, cs.GivenBy}
			cs.Recorded, cs.By, cs.GivenBy = round, "Ouder (portaal)", o.parentInPortal(pc.Child).name()
		}
	}
}

// photoConsent records the photo_portal answers: the planted histories for
// the photo scenarios, a mix of yes, no and withdrawn for everyone else.
func (o *Org) photoConsent(pc *PortalChild, intake time.Time) {
	switch pc.Child.Scenario {
	case "photoNone":
		// The parents answered every question but this one.
	case "photoRefused":
		o.addConsent(pc, cPhotoPortal, false, intake)
	case "photoWithdrawn":
		o.addConsent(pc, cPhotoPortal, true, intake).Withdrawn = at(2026, 3, 10, 20, 14)
	case "photoWithdrawnAt":
		o.addConsent(pc, cPhotoPortal, true, intake).Withdrawn = at(2026, 5, 19, 10, 30)
	case "photoLate":
		o.addConsent(pc, cPhotoPortal, true, at(2025, 9, 12, 21, 3))
	case "photoRefusedThenYesAfter":
		o.addConsent(pc, cPhotoPortal, false, at(2025, 8, 25, 20, 10))
		o.addConsent(pc, cPhotoPortal, true, at(2026, 1, 20, 19, 45))
	case "photoExact":
		o.addConsent(pc, cPhotoPortal, true, at(2026, 1, 12, 9, 30))
	case "photoRefusedThenYesBefore":
		o.addConsent(pc, cPhotoPortal, false, at(2025, 8, 20, 19, 0))
		o.addConsent(pc, cPhotoPortal, true, at(2025, 10, 1, 20, 30))
	case "photoWithdrawnThenYes":
		o.addConsent(pc, cPhotoPortal, true, intake).Withdrawn = at(2025, 10, 1, 8, 0)
		o.addConsent(pc, cPhotoPortal, true, at(2025, 11, 15, 21, 0))
	case "photoMigrated":
		o.addConsent(pc, cPhotoPortal, true, time.Time{}).Keep = true
	default:
		n := o.intn(100)
		from := intake
		if from.Before(day(2025, 9, 1)) {
			from = day(2025, 9, 1)
		}
		span := int(day(2026, 8, 15).Sub(from).Hours()/24) - 30
		switch {
		case n < 8:
			o.addConsent(pc, cPhotoPortal, false, intake)
		case n < 12 && span > 0:
			o.addConsent(pc, cPhotoPortal, true, intake).Withdrawn = o.evening(from.AddDate(0, 0, 30+o.intn(span)))
		case n < 15 && span > 0:
			o.addConsent(pc, cPhotoPortal, false, intake)
			o.addConsent(pc, cPhotoPortal, true, o.evening(from.AddDate(0, 0, 30+o.intn(span))))
		default:
			o.addConsent(pc, cPhotoPortal, true, intake)
		}
	}
}

// effectiveConsent is the photo_portal answer in force at t: the one with
// the latest recorded_at on or before t, where an undated answer counts as
// recorded before everything.
func effectiveConsent(pc *PortalChild, t time.Time) *Consent {
	var eff *Consent
	for _, c := range pc.Consents {
		if c.Type != cPhotoPortal || c.Recorded.After(t) {
			continue
		}
		if eff == nil || c.Recorded.After(eff.Recorded) {
			eff = c
		}
	}
	return eff
}

// photoAllowed applies the photo_without_consent rule.
func photoAllowed(pc *PortalChild, t time.Time) bool {
	eff := effectiveConsent(pc, t)
	return eff != nil && eff.Granted && (eff.Withdrawn.IsZero() || eff.Withdrawn.After(t))
}

// ---------------------------------------------------------------- notes

var noteTexts = [][]string{
	nAllergy: {"Allergisch voor pinda's; EpiPen zit in de groepstas.", "Koemelkallergie: alleen sojaproducten.", "Allergisch voor kiwi.",
		"Hooikoorts in het voorjaar; ouders geven zelf de medicatie.", "Allergisch voor kippenei."},
	nDiet: {"Eet geen varkensvlees.", "Vegetarisch.", "Glutenvrij dieet.", "Halal.", "Graag geen suiker in de fruithap."},
	nMedical: {"Gebruikt een puffer bij benauwdheid; zie medicijnlijst.", "Eczeem: na het wassen insmeren met eigen crème.",
		"Heeft koortsstuipen gehad; bij koorts boven 39 graden ouders bellen.", "Draagt een bril; afplakschema in de ochtend.",
		"Buisjes in de oren: niet onder water."},
	nVVE: {"VVE-indicatie via het consultatiebureau, 16 uur per week.", "VVE-indicatie (taal); programma Uk & Puk.", "VVE: extra aandacht voor woordenschat."},
	nGeneral: {"Slaapt met eigen knuffel (konijn).", "Wordt op woensdag door oma gehaald.", "Ouders gescheiden; beide ouders ontvangen het dagboek.",
		"Wenperiode: eerst twee ochtenden.", "Houdt niet van harde geluiden; brandoefening vooraf aankondigen."},
}

func (o *Org) buildNotes() {
	for _, pc := range o.Portal {
		c := pc.Child
		var cats []int
		if c.VVE {
			cats = append(cats, nVVE)
		}
		if c.Language != "Nederlands" && o.chance(0.6) {
			cats = append(cats, nBilingual)
		}
		for _, p := range []struct {
			cat int
			p   float64
		}{{nAllergy, 0.16}, {nDiet, 0.08}, {nMedical, 0.1}, {nGeneral, 0.12}} {
			if o.chance(p.p) {
				cats = append(cats, p.cat)
			}
		}
		switch c.Scenario {
		case "plainReligion":
			cats = append(cats, nReligion)
		case "plainBSNNote":
			cats = append(cats[:0], nVVE)
		}
		for _, cat := range cats {
			from := pc.Start
			if from.Before(konnectSince) {
				from = konnectSince
			}
			created := from.AddDate(0, 0, o.intn(30)).Add(time.Duration(8*60+o.intn(10*60)) * time.Minute)
			if !created.Before(asOf) {
				created = asOf.AddDate(0, 0, -1).Add(10 * time.Hour)
			}
			text := ""
			switch {
			case cat == nReligion:
				text = "Viert het Suikerfeest; eet geen varkensvlees vanwege het geloof."
			case c.Scenario == "plainBSNNote":
				text = "VVE-indicatie aangevraagd bij de GGD, BSN " + c.BSN + " doorgegeven."
			case cat == nBilingual:
				text = "Thuistaal: " + c.Language + ". Ouders lezen het dagboek ook in het Nederlands."
			default:
				text = pick(o, noteTexts[cat])
			}
			basis := ""
			if healthNote(cat) || cat == nDiet {
				// Drawn as before, so the rest of the sample stays the same;
				// the organisation records explicit consent ("necessity" is
				// no art. 9 exception, planted once in plantNotes).
				pick(o, noteBases)
				basis = noteBases[0].Label
			}
			by := ""
			if s := o.staffAt(c.Group, created); s != nil {
				by = s.name()
			} else {
				by = o.formerStaffName()
			}
			o.Notes = append(o.Notes, &Note{PC: pc, Category: cat, Text: text, Created: created, By: by, Basis: basis})
		}
	}
	slices.SortStableFunc(o.Notes, func(a, b *Note) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.PC.ID, b.PC.ID))
	})
	for i, n := range o.Notes {
		n.ID = fmt.Sprintf("N%04d", i+1)
	}
	o.plantNotes()
}

// plantNotes takes the recorded ground off two health notes and books the
// notes the special-category checks must report.
func (o *Org) plantNotes() {
	key := func(n *Note) func() string { return constKey(n.ID) }
	missing := map[int]bool{nAllergy: true, nMedical: true}
	vveAbsent, necessity, dietAbsent := false, false, false
	for _, n := range o.Notes {
		switch {
		case n.PC.Child.Scenario != "":
		case missing[n.Category]:
			delete(missing, n.Category)
			n.Basis = ""
			o.expect(chkHealthBasis, "portal_notes", key(n), noteCategories[n.Category].Canonical+" note without a recorded ground")
		case healthNote(n.Category) && len(missing) == 0 && !necessity:
			necessity = true
			n.Basis = noteBases[1].Label
			o.expect(chkHealthBasis, "portal_notes", key(n), noteCategories[n.Category].Canonical+` note on "necessity for the care": no art. 9 exception`)
		case n.Category == nDiet && !dietAbsent:
			dietAbsent = true
			n.Basis = ""
			o.absent(chkHealthBasis, "portal_notes", key(n), "diet note without a ground: a diet is not health data by itself")
		case healthNote(n.Category) && len(missing) == 0:
		case n.Category == nVVE && !vveAbsent:
			vveAbsent = true
			o.absent(chkHealthBasis, "portal_notes", key(n), "VVE note: not health data")
		}
		switch n.PC.Child.Scenario {
		case "plainReligion":
			if n.Category != nReligion {
				continue
			}
			o.expect(chkSpecial, "portal_notes", key(n), "note in the category Levensbeschouwing (religion)")
		case "plainBSNNote":
			o.absent(chkHealthBasis, "portal_notes", key(n), "VVE note: not health data")
		}
	}
	if len(missing) > 0 {
		panic("no health notes to plant")
	}
	o.expect(chkBSNOutside, "portal_notes", constKey("Notitie"), "a note's text holds a BSN")
	o.expect(chkSpecial, "admin_children", constKey("Religie"), "Kidsadmin exports a Religie column")
	o.expect(chkSpecial, "admin_children", constKey("Nationaliteit"), "nationality may reveal ethnic origin")
	o.absent(chkSpecial, "tracking_children", constKey("Thuistaal"), "home language is not a special category")
}

// ---------------------------------------------------------------- photos

var captions = []string{
	"Buitenspelen in de zandbak", "Knutselen met herfstbladeren", "Samen lezen op de bank", "Verven met de handen",
	"Hutten bouwen", "Pannenkoeken bakken", "Dansen in de speelzaal", "Sint Maarten-lampionnen", "Sneeuwpret",
	"Paaseieren zoeken", "Waterspelletjes", "Bezoek aan de kinderboerderij", "Moestuin: radijsjes oogsten", "Muziek maken",
}

func (o *Org) newPhoto(g *Group, t time.Time, tags ...*PortalChild) *Photo {
	s := o.staffAt(g, t)
	by := ""
	if s != nil {
		by = s.name()
	}
	p := &Photo{Posted: t, Group: g, By: by, Caption: pick(o, captions), Tags: tags}
	o.Photos = append(o.Photos, p)
	return p
}

func (o *Org) eligible(g *Group, t time.Time) []*PortalChild {
	var out []*PortalChild
	for _, pc := range o.Portal {
		c := pc.Child
		if c.Group == g && c.Scenario == "" && c.inCare(t) && photoAllowed(pc, t) {
			out = append(out, pc)
		}
	}
	return out
}

func (o *Org) buildPhotos() {
	for _, g := range o.Groups {
		for wk := day(2025, 9, 15); wk.Before(day(2026, 8, 29)); wk = wk.AddDate(0, 0, 7) {
			if !o.chance(0.7) {
				continue
			}
			t := wk.AddDate(0, 0, o.intn(5)).Add(time.Duration(9*60+o.intn(510)) * time.Minute)
			el := o.eligible(g, t)
			k := 1
			switch n := o.intn(100); {
			case n >= 85:
				k = 3
			case n >= 45:
				k = 2
			}
			k = min(k, len(el))
			if k == 0 || o.staffAt(g, t) == nil {
				continue
			}
			var tags []*PortalChild
			for _, i := range o.r.Perm(len(el))[:k] {
				tags = append(tags, el[i])
			}
			p := o.newPhoto(g, t, tags...)
			if o.chance(0.03) {
				p.Removed = t.AddDate(0, 0, 1+o.intn(10)).Add(time.Duration(o.intn(120)) * time.Minute)
			}
		}
	}

	// The planted photos. Each may show one other child whose consent is fine.
	type tag struct {
		photo *Photo
		pc    *PortalChild
	}
	var planted, fine []struct {
		tag
		why string
	}
	add := func(name string, t time.Time, bad bool, why string) *Photo {
		pc := o.scenario[name].Portal
		g := pc.Child.Group
		tags := []*PortalChild{pc}
		if el := o.eligible(g, t); len(el) > 0 && o.chance(0.5) {
			tags = append(tags, pick(o, el))
		}
		p := o.newPhoto(g, t, tags...)
		e := struct {
			tag
			why string
		}{tag{p, pc}, why}
		if bad {
			planted = append(planted, e)
		} else {
			fine = append(fine, e)
		}
		return p
	}
	add("photoNone", at(2025, 10, 7, 10, 15), true, "no photo consent recorded")
	add("photoNone", at(2026, 3, 17, 15, 40), true, "no photo consent recorded")
	add("photoRefused", at(2025, 12, 11, 11, 20), true, "photo consent refused")
	add("photoRefused", at(2026, 6, 4, 16, 5), true, "photo consent refused")
	online := add("photoWithdrawn", at(2026, 2, 3, 10, 12), false, "consent withdrawn 2026-03-10 20:14, after this photo")
	removed := add("photoWithdrawn", at(2026, 1, 10, 10, 5), false, "consent withdrawn 2026-03-10 20:14, after this photo")
	add("photoWithdrawn", at(2026, 4, 2, 11, 5), true, "consent withdrawn 2026-03-10 20:14, before posting")
	atWithdrawal := add("photoWithdrawnAt", at(2026, 5, 19, 10, 30), true, "consent withdrawn 2026-05-19 10:30, the minute of posting")
	add("photoLate", at(2025, 9, 8, 14, 20), true, "consent recorded only after posting (2025-09-12 21:03)")
	add("photoLate", at(2025, 10, 6, 9, 50), false, "posted after consent recorded 2025-09-12 21:03")
	add("photoRefusedThenYesAfter", at(2025, 11, 12, 10, 40), true, "refused 2025-08-25; the yes came only 2026-01-20")
	add("photoRefusedThenYesAfter", at(2026, 2, 10, 14, 0), false, "refused 2025-08-25, yes 2026-01-20 before posting")
	add("photoExact", at(2026, 1, 12, 9, 30), false, "consent recorded 2026-01-12 09:30, exactly at posting")
	add("photoRefusedThenYesBefore", at(2025, 12, 3, 10, 0), false, "refusal replaced by a yes 2025-10-01 before posting")
	add("photoWithdrawnThenYes", at(2026, 1, 14, 11, 30), false, "withdrawn 2025-10-01, new yes 2025-11-15 before posting")
	beforeRegrant := add("photoWithdrawnThenYes", at(2025, 9, 22, 10, 20), false, "posted before the withdrawal of 2025-10-01")
	// A photo posted with a date but no time counts as posted at the end of
	// that day: here after the withdrawal at 20:14 that day.
	dateOnly := add("photoWithdrawn", day(2026, 3, 10).Add(24*time.Hour-time.Second), true,
		"posted 10-03-2026 without a time: counts as the end of the day, after the withdrawal at 20:14")
	dateOnly.DateOnly = true
	add("photoMigrated", at(2026, 2, 24, 15, 10), false, "yes migrated without a date counts as recorded before everything")

	o.removeWithdrawn(online, beforeRegrant)

	slices.SortStableFunc(o.Photos, func(a, b *Photo) int {
		return cmp.Or(a.Posted.Compare(b.Posted), cmp.Compare(a.Group.Name, b.Group.Name))
	})
	for i, p := range o.Photos {
		p.ID = fmt.Sprintf("F%04d", i+1)
		slices.SortFunc(p.Tags, func(a, b *PortalChild) int { return cmp.Compare(a.ID, b.ID) })
	}
	for _, e := range planted {
		e := e
		o.expect(chkPhoto, "portal_photos", func() string { return e.photo.ID + "/" + e.pc.ID }, e.why)
	}
	for _, e := range fine {
		e := e
		o.absent(chkPhoto, "portal_photos", func() string { return e.photo.ID + "/" + e.pc.ID }, e.why)
	}

	wpc := o.scenario["photoWithdrawn"].Portal
	photoKey := func(p *Photo, pc *PortalChild) func() string { return func() string { return p.ID + "/" + pc.ID } }
	o.expect(chkPhotoWithdrawal, "portal_photos", photoKey(online, wpc), "posted 2026-02-03, consent withdrawn 2026-03-10, photo still online")
	o.absent(chkPhotoWithdrawal, "portal_photos", photoKey(removed, wpc), "posted before the withdrawal and removed after it")
	o.absent(chkPhotoWithdrawal, "portal_photos", photoKey(atWithdrawal, o.scenario["photoWithdrawnAt"].Portal),
		"posted the minute of the withdrawal: photo_without_consent reports it")
	o.absent(chkPhotoWithdrawal, "portal_photos", photoKey(dateOnly, wpc),
		"posted on the day of the withdrawal without a time: counts as after it; photo_without_consent reports it")
	o.absent(chkPhotoWithdrawal, "portal_photos", photoKey(beforeRegrant, o.scenario["photoWithdrawnThenYes"].Portal),
		"posted before the withdrawal of 2025-10-01, but the parents gave consent again on 2025-11-15")

	// The bookkeeping must agree with the rule itself.
	bad := map[*Photo]map[*PortalChild]bool{}
	for _, e := range planted {
		if bad[e.photo] == nil {
			bad[e.photo] = map[*PortalChild]bool{}
		}
		bad[e.photo][e.pc] = true
	}
	for _, p := range o.Photos {
		for _, pc := range p.Tags {
			if photoAllowed(pc, p.Posted) == bad[p][pc] {
				panic(fmt.Sprintf("photo %s child %s: rule and bookkeeping disagree", p.ID, pc.ID))
			}
		}
	}
}

// guardianKey is the record key of a portal_guardians row: the child and
// the parent's place among the child's parents in the export.
func guardianKey(pc *PortalChild, g *Guardian) func() string {
	return func() string {
		n := 0
		for _, x := range pc.Child.Guardians {
			if !x.NotInPortal {
				n++
			}
			if x == g {
				return fmt.Sprintf("%s/%d", pc.ID, n)
			}
		}
		panic("guardian not of this child")
	}
}

// portalAccess closes the portal for the parents of children whose placement
// ended more than 30 days ago, except where the open access is planted.
func (o *Org) portalAccess() {
	planted := map[string]string{
		"portalOpen":         "placement never closed; Kidsadmin care ended 2023-06-30",
		"plainAccess31":      "placement ended 2026-07-31: access open past 30 days",
		"plainAccessDayPast": "placement ended 2026-08-01: access open one day past 30 days",
	}
	for _, pc := range o.Portal {
		c := pc.Child
		end := pc.End
		if end.IsZero() && !pc.Unlinked && !c.Deleted {
			end = c.End
		}
		closed := !end.IsZero() && asOf.After(end.AddDate(0, 0, 30))
		why, plant := planted[c.Scenario]
		for i, g := range c.Guardians {
			g.drawnAccess = g.Access
			switch {
			case plant || c.Scenario == "plainAccessEdge":
				g.Access = i == 0
			case closed:
				g.Access = false
			}
		}
		g := c.Guardians[0]
		switch {
		case plant:
			o.expect(chkPortalAccess, "portal_guardians", guardianKey(pc, g), why)
		case c.Scenario == "plainAccessEdge":
			o.absent(chkPortalAccess, "portal_guardians", guardianKey(pc, g), "placement ended 2026-08-02: exactly 30 days")
		}
	}
}

// withdrawnAfter is when the child's granted photo consent was withdrawn, if
// that was after t and on or before the as-of date.
func withdrawnAfter(pc *PortalChild, t time.Time) time.Time {
	for _, c := range pc.Consents {
		if c.Type == cPhotoPortal && c.Granted && !c.Withdrawn.IsZero() && c.Withdrawn.After(t) && !c.Withdrawn.After(asOf) {
			return c.Withdrawn
		}
	}
	return time.Time{}
}

// removeWithdrawn removes, a few days after the withdrawal, every photo of a
// child whose parents withdrew the consent, except the ones planted online.
func (o *Org) removeWithdrawn(online ...*Photo) {
	for _, p := range o.Photos {
		for _, pc := range p.Tags {
			w := withdrawnAfter(pc, p.Posted)
			if w.IsZero() || slices.Contains(online, p) || (!p.Removed.IsZero() && p.Removed.Before(w)) {
				continue
			}
			p.Removed = day(w.Year(), w.Month(), w.Day()).AddDate(0, 0, 1+o.intn(3)).Add(time.Duration(8*60+o.intn(300)) * time.Minute)
		}
	}
	for _, p := range o.Photos {
		for _, pc := range p.Tags {
			if !withdrawnAfter(pc, p.Posted).IsZero() && p.Removed.IsZero() != slices.Contains(online, p) {
				panic("photo after withdrawal: rule and bookkeeping disagree")
			}
		}
	}
}
