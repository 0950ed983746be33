package main

import "time"

// plainScenarios places children who are ordinary in every system but one
// planted detail: consents, VVE transfers, portal access, BSNs, names.
func (o *Org) plainScenarios() {
	// Consents.
	o.scenarioChild("plainConsentGaps", "Vlinders", time.Time{})
	o.scenarioChild("plainConsentLast", "Dolfijnen", asOf)
	o.scenarioChild("plainConsentLeft", "Rupsjes", day(2026, 8, 31))
	o.scenarioChild("plainGivenByGrandma", "Avonturiers", time.Time{})
	o.scenarioChild("plainGivenByStaff", "Zeesterren", time.Time{})
	o.scenarioChild("plainGivenByCase", "Boomhut", time.Time{})
	adminParent := o.scenarioChild("plainAdminParent", "Ontdekkers", time.Time{})
	for len(adminParent.Guardians) < 2 {
		o.makeFamily(adminParent)
	}
	adminParent.Guardians[1].NotInPortal = true
	o.scenarioChild("plainReconfirmLate", "Avonturiers", time.Time{})
	o.scenarioChild("plainReconfirmEdge", "Kajuit", time.Time{})
	// VVE children who left for primary school.
	for _, v := range []struct {
		name, group string
		birth, end  time.Time
	}{
		{"plainVVENoTransfer", "Kajuit", day(2022, 7, 5), day(2026, 6, 30)},
		{"plainVVEEdge45", "Boomhut", day(2022, 7, 15), day(2026, 4, 15)},
		{"plainVVEYoung", "Kajuit", day(2022, 6, 10), day(2026, 3, 9)},
		{"plainVVENoProgramme", "Boomhut", day(2022, 7, 20), day(2026, 7, 31)},
	} {
		c := o.scenarioChild(v.name, v.group, v.end)
		c.Birth, c.VVE, c.School, c.KDVUntil = v.birth, true, pick(o, schools), time.Time{}
		c.Start = firstOnOrAfter(c.Birth.AddDate(0, 30, 0))
		if v.name == "plainVVEYoung" {
			c.School = "" // moved away before school age
		}
	}
	// Portal access after the placement.
	o.scenarioChild("plainAccess31", "Ontdekkers", day(2026, 7, 31))
	o.scenarioChild("plainAccessDayPast", "Vlinders", day(2026, 8, 1))
	o.scenarioChild("plainAccessEdge", "Zeesterren", day(2026, 8, 2))
	// BSNs.
	typo := o.scenarioChild("plainBSNTypo", "Avonturiers", time.Time{})
	for i := 4; typo.TypedBSN == "" || bsnValid(typo.TypedBSN); i++ {
		b := []byte(typo.BSN)
		b[i%8], b[i%8+1] = b[i%8+1], b[i%8]
		typo.TypedBSN = string(b)
	}
	o.expect(chkBSNInvalid, "admin_children", func() string { return typo.ID }, "two digits of the BSN swapped: fails the 11-check")
	o.scenarioChild("plainBSNKey", "Dolfijnen", time.Time{}).VVE = false
	o.scenarioChild("plainBSNNote", "Kajuit", time.Time{}).VVE = true
	// Notes.
	o.scenarioChild("plainReligion", "Ontdekkers", time.Time{})
	// Placements.
	o.scenarioChild("plainPortalLater", "Avonturiers", day(2026, 6, 30))
	o.scenarioChild("plainEndsToday", "Ontdekkers", asOf)
}
