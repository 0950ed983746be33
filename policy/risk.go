package policy

import (
	"github.com/avgaudit/avgaudit/vocab"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Risk configures the risk scoring of the annual risk analysis: a check's
// risk is likelihood × impact, each on a scale of 1 to 5. Impact comes
// from the check's metadata, likelihood from the share of the checked
// records that is affected; the policy can fix either per check. These are
// not SQL variables: the checks do not read them, the scoring after the
// checks does.
type Risk struct {
	// Impact overrides a check's own impact (1–5), by check id.
	Impact map[string]int `yaml:"impact"`
	// Likelihood fixes a check's likelihood (1–5) instead of deriving it
	// from the share of affected records, by check id. It applies only when
	// the check has open findings: without any there is no risk now.
	Likelihood map[string]int `yaml:"likelihood"`
	// LikelihoodShares are the four limits, in percent of the checked
	// records, between likelihood 1 and 2, 2 and 3, 3 and 4, 4 and 5.
	LikelihoodShares []float64 `yaml:"likelihood_shares"`
	// Owners name who answers for the risks of an area, by area code.
	Owners map[string]string `yaml:"owners"`
}

// FallbackOwner answers for the risks of an area the policy names no owner
// for (an area of the organisation's own checks).
const FallbackOwner = "Privacycoördinator"

// DefaultLikelihoodShares are the default limits of LikelihoodShares: fewer
// than 1% of the records affected is rare (1), under 5% unlikely (2), under
// 15% possible (3), under 40% likely (4), more almost certain (5).
var DefaultLikelihoodShares = []float64{1, 5, 15, 40}

// defaultOwners are the roles of a childcare organisation that answer for
// each area of the built-in catalogue (queries.Areas; a test keeps the two
// in step).
var defaultOwners = map[string]string{
	"toestemming":         "Locatiemanager",
	"bewaartermijnen":     "Hoofd administratie",
	"bsn":                 "Hoofd administratie",
	"bijzondere_gegevens": "Pedagogisch beleidsmedewerker",
	"verwerkers":          "Privacycoördinator",
	"verwerkingsregister": "Privacycoördinator",
	"toegang":             "Applicatiebeheerder",
	"overdracht":          "Locatiemanager",
	"rechten":             "Privacycoördinator",
	// Not the FG: the FG advises and supervises (AVG art. 38 lid 3 en 6, art.
	// 39) and cannot own the risks it monitors; handling breaches is the
	// controller's job, coordinated by the privacy coordinator.
	"datalekken": "Privacycoördinator",
	"juistheid":  "Hoofd administratie",
}

// DefaultRisk is the risk section used when the policy file sets none:
// no overrides, the default shares and owners.
func DefaultRisk() Risk {
	return Risk{
		Impact:           map[string]int{},
		Likelihood:       map[string]int{},
		LikelihoodShares: slices.Clone(DefaultLikelihoodShares),
		Owners:           maps.Clone(defaultOwners),
	}
}

// Owner is who answers for the risks of area: the policy's owner, else
// FallbackOwner.
func (r Risk) Owner(area string) string {
	if o := strings.TrimSpace(r.Owners[area]); o != "" {
		return o
	}
	return FallbackOwner
}

// validate checks the values; which check ids and areas exist only the
// catalogue knows (see CheckKeys).
func (r Risk) validate() error {
	for _, set := range []struct {
		key string
		m   map[string]int
	}{{"risk.impact", r.Impact}, {"risk.likelihood", r.Likelihood}} {
		for _, id := range slices.Sorted(maps.Keys(set.m)) {
			if v := set.m[id]; v < 1 || v > 5 {
				return vocab.Errorf("beleid: %s.%s is %d; kies 1 (laagst) tot en met 5 (hoogst)", "policy: %s.%s is %d; choose 1 (lowest) to 5 (highest)", set.key, id, v)
			}
		}
	}
	s := r.LikelihoodShares
	if len(s) != len(DefaultLikelihoodShares) {
		return vocab.Errorf("beleid: risk.likelihood_shares heeft %d waarde(n); geef 4 oplopende percentages, bijvoorbeeld [1, 5, 15, 40]", "policy: risk.likelihood_shares has %d value(s); give 4 percentages in ascending order, e.g. [1, 5, 15, 40]", len(s))
	}
	for i, v := range s {
		if v <= 0 || v > 100 {
			return vocab.Errorf("beleid: risk.likelihood_shares: %s is geen percentage boven 0 en hooguit 100", "policy: risk.likelihood_shares value %s is not a percentage above 0 and at most 100", formatShare(v))
		}
		if i > 0 && v <= s[i-1] {
			return vocab.Errorf("beleid: risk.likelihood_shares moeten oplopen: %s komt na %s", "policy: risk.likelihood_shares must ascend: %s comes after %s", formatShare(v), formatShare(s[i-1]))
		}
	}
	for _, area := range slices.Sorted(maps.Keys(r.Owners)) {
		if strings.TrimSpace(r.Owners[area]) == "" {
			return vocab.Errorf("beleid: risk.owners.%s is leeg; noem de rol die voor dit gebied verantwoordelijk is", "policy: risk.owners.%s is empty; name the role that answers for this area", area)
		}
	}
	return nil
}

// CheckKeys reports a check id in risk.impact or risk.likelihood that is
// not in ids, or an area in risk.owners that is not in areas, naming the
// policy key and the valid ones. The audit calls it with the catalogue.
func (r Risk) CheckKeys(ids, areas []string) error {
	for _, set := range []struct {
		key string
		m   map[string]int
	}{{"risk.impact", r.Impact}, {"risk.likelihood", r.Likelihood}} {
		for _, id := range slices.Sorted(maps.Keys(set.m)) {
			if !slices.Contains(ids, id) {
				return vocab.Errorf("beleid: %s.%s: er is geen controle %q; controles: %s", "policy: %s.%s: there is no check %q; check ids: %s", set.key, id, id, strings.Join(sortedUnique(ids), ", "))
			}
		}
	}
	for _, area := range slices.Sorted(maps.Keys(r.Owners)) {
		if !slices.Contains(areas, area) {
			return vocab.Errorf("beleid: risk.owners.%s: er is geen gebied %q; gebieden: %s", "policy: risk.owners.%s: there is no area %q; areas: %s", area, area, strings.Join(sortedUnique(areas), ", "))
		}
	}
	return nil
}

func sortedUnique(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return slices.Compact(out)
}

// Setting is one risk setting as reports and the documentation list it.
type Setting struct {
	Key   string // where it is set in the policy file: risk.owners.bsn
	Value string
	Doc   string // what it is, in English
	DocNL string // the same in Dutch
}

// RiskSettings lists the risk section: the shares, each override and each
// owner, in a fixed order.
func (p Policy) RiskSettings() []Setting {
	r := p.Risk
	shares := make([]string, len(r.LikelihoodShares))
	for i, v := range r.LikelihoodShares {
		shares[i] = formatShare(v)
	}
	out := []Setting{{
		Key:   "risk.likelihood_shares",
		Value: strings.Join(shares, ", "),
		Doc:   "limits, in percent of the checked records affected, between likelihood 1 and 2, 2 and 3, 3 and 4, 4 and 5 (default 1, 5, 15, 40: rare, unlikely, possible, likely, almost certain on the five-step scale of a 5×5 risk matrix; set the limits of your own risk method)",
		DocNL: "grenzen, in procenten van de beoordeelde records met een open bevinding, tussen kans 1 en 2, 2 en 3, 3 en 4, 4 en 5 (standaard 1, 5, 15, 40: zeldzaam, onwaarschijnlijk, mogelijk, waarschijnlijk, bijna zeker op de vijfpuntsschaal van een 5×5-risicomatrix; stem de grenzen af op uw eigen risicomethode)",
	}}
	for _, id := range slices.Sorted(maps.Keys(r.Impact)) {
		out = append(out, Setting{Key: "risk.impact." + id, Value: strconv.Itoa(r.Impact[id]),
			Doc:   "impact set by the policy instead of the check's own (1–5)",
			DocNL: "impact vastgesteld in het beleid, in plaats van de impact die de controle zelf opgeeft (1–5)"})
	}
	for _, id := range slices.Sorted(maps.Keys(r.Likelihood)) {
		out = append(out, Setting{Key: "risk.likelihood." + id, Value: strconv.Itoa(r.Likelihood[id]),
			Doc:   "likelihood set by the policy instead of the share of affected records (1–5)",
			DocNL: "kans vastgesteld in het beleid, in plaats van de kans uit het aandeel getroffen records (1–5)"})
	}
	for _, area := range slices.Sorted(maps.Keys(r.Owners)) {
		out = append(out, ownerSetting(area, r.Owners[area]))
	}
	return out
}

// ownerSetting documents risk.owners.<area>, naming the default owner
// when the policy keeps it.
func ownerSetting(area, owner string) Setting {
	s := Setting{Key: "risk.owners." + area, Value: owner,
		Doc:   "who answers for the risks of this area (set by the policy)",
		DocNL: "wie verantwoordelijk is voor de risico's van dit gebied (vastgesteld in het beleid)"}
	if d, ok := defaultOwners[area]; ok && d == owner {
		s.Doc = "who answers for the risks of this area (default " + d + ")"
		s.DocNL = "wie verantwoordelijk is voor de risico's van dit gebied (standaard " + d + ")"
	}
	return s
}

func formatShare(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
