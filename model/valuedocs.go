package model

import (
	"fmt"
	"strings"
)

// ValueDocs explain, per enumeration column, each canonical value in one
// line, so that a person mapping an export's labels knows which value a
// label is (init writes them into the manifest, the documentation lists
// them).
var ValueDocs = map[string]map[string]string{
	"consent_type": {
		"photo_portal":            "photos of the child in the parent portal or app (the group diary)",
		"photo_external":          "photos of the child outside the portal: website, social media, newsletter, folders",
		"photo_website":           "photos of the child on the organisation's website only (where the portal asks per channel)",
		"photo_social":            "photos of the child on social media only: Facebook, Instagram, ... (where the portal asks per channel)",
		"pickup_by_others":        "people other than the parents may collect the child",
		"transport":               "the child may be transported by car, stint or bus",
		"friend_visit":            "a friend may come and play with the child at the BSO (a visit to the child)",
		"visit_friend":            "the child may go and play at a friend's home (the child visits)",
		"independent_from_school": "the child may come from school to the BSO on its own",
		"independent_home":        "the child may go home from the BSO on its own",
	},
	"category": {
		"allergy":    "an allergy (health data)",
		"diet":       "a diet or food preference (religion if it is halal or kosher)",
		"medical":    "medical information: a condition, medication, a doctor's advice (health data)",
		"vve":        "the VVE (early childhood education) indication or programme",
		"bilingual":  "the languages the child grows up with",
		"religion":   "religion or belief (a special category)",
		"general":    "anything else about the child",
		"child_file": "a child's file (dossier, observations, reports)",
		"income":     "parents' income documents (for the municipal allowance)",
		"staff":      "a staff member's file",
		"other":      "any other document",
	},
	"kind": { // prk_links
		"staff":     "an employee of the organisation (in the staff register)",
		"temp":      "an agency worker or stand-in (uitzendkracht, invalkracht)",
		"intern":    "an intern (stagiair)",
		"volunteer": "a volunteer (vrijwilliger)",
	},
	"basis": {
		"consent":    "the parents gave explicit consent (AVG art. 9 lid 2 a)",
		"legal_duty": "a specific legal duty requires the data (record which law)",
		"necessity":  "a documented necessity for the child's care (not an art. 9 exception: a finding)",
	},
}

// ValueDoc explains one canonical value of an enumeration column in one
// line; "" when there is no explanation.
func ValueDoc(column, value string) string { return ValueDocs[column][value] }

// valuesMarkdown documents the meaning of every enumeration's values.
func valuesMarkdown() string {
	var b strings.Builder
	b.WriteString("\n## What the values of an enumeration mean\n\n" +
		"Map each label of an export to the value that means the same (`values:` in the manifest;\n" +
		"`avgaudit init` proposes one and marks it for review when it is not sure).\n")
	seen := map[string]bool{}
	for _, t := range Tables {
		for _, c := range t.Columns {
			if c.Type != Enum || seen[c.Name+strings.Join(c.Values, ",")] {
				continue
			}
			seen[c.Name+strings.Join(c.Values, ",")] = true
			fmt.Fprintf(&b, "\n`%s` (%s):\n\n| value | means |\n|---|---|\n", c.Name, t.Name)
			for _, v := range c.Values {
				fmt.Fprintf(&b, "| `%s` | %s |\n", v, ValueDoc(c.Name, v))
			}
		}
	}
	return b.String()
}

// ValueDocsNL are ValueDocs in Dutch.
var ValueDocsNL = map[string]map[string]string{
	"consent_type": {
		"photo_portal":            "foto's van het kind in het ouderportaal of de app (het groepsdagboek)",
		"photo_external":          "foto's van het kind buiten het portaal: website, social media, nieuwsbrief, folders",
		"photo_website":           "foto's van het kind alleen op de website van de organisatie (als het portaal per kanaal vraagt)",
		"photo_social":            "foto's van het kind alleen op sociale media: Facebook, Instagram, ... (als het portaal per kanaal vraagt)",
		"pickup_by_others":        "anderen dan de ouders mogen het kind ophalen",
		"transport":               "het kind mag vervoerd worden met auto, stint of bus",
		"friend_visit":            "een vriendje mag bij het kind op de BSO komen spelen (bezoek aan het kind)",
		"visit_friend":            "het kind mag bij een vriendje thuis gaan spelen (het kind gaat op bezoek)",
		"independent_from_school": "het kind mag zelfstandig van school naar de BSO komen",
		"independent_home":        "het kind mag zelfstandig van de BSO naar huis gaan",
	},
	"category": {
		"allergy":    "een allergie (gezondheidsgegeven)",
		"diet":       "een dieet of voedselvoorkeur (religie als het halal of koosjer is)",
		"medical":    "medische informatie: een aandoening, medicatie, advies van een arts (gezondheidsgegeven)",
		"vve":        "de VVE-indicatie (voor- en vroegschoolse educatie) of het programma",
		"bilingual":  "de talen waarmee het kind opgroeit",
		"religion":   "religie of levensovertuiging (een bijzonder persoonsgegeven)",
		"general":    "al het andere over het kind",
		"child_file": "een kinddossier (dossier, observaties, verslagen)",
		"income":     "inkomensstukken van de ouders (voor de gemeentelijke toeslag)",
		"staff":      "een personeelsdossier",
		"other":      "elk ander document",
	},
	"basis": {
		"consent":    "de ouders gaven uitdrukkelijke toestemming (AVG art. 9 lid 2 a)",
		"legal_duty": "een specifieke wettelijke plicht vereist het gegeven (leg vast welke wet)",
		"necessity":  "een vastgelegde noodzaak voor de zorg voor het kind (geen uitzondering van art. 9: een bevinding)",
	},
}
