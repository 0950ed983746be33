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
	"basis": {
		"consent":   "the parents gave explicit consent (AVG art. 9 lid 2 a)",
		"necessity": "a documented necessity for the child's care",
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
