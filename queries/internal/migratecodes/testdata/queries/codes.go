package queries

import "github.com/avgaudit/avgaudit/results"

var codeLabels = map[string]map[string]results.Text{
	"problem": {
		"refused": {NL: "toestemming geweigerd", EN: "consent refused"},
		"none":    {NL: "geen toestemming vastgelegd", EN: "no consent recorded"},
		"late":    {NL: "te laat", EN: "late"},
	},
	"consent_type": consentTypeLabels,
}

var consentTypeLabels = map[string]results.Text{
	"transport": {NL: "vervoer", EN: "transport"},
}

func init() { legacyCodeLabels = codeLabels }
