package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/avgaudit/avgaudit/app"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/vocab"
)

const checksHelp = `Usage: avgaudit checks [show] [ID] [flags]

Without ID: lists every check (id, area, severity, title).
With ID: explains the check in words: what it finds and why, what to do, the legal
source, the policy settings it uses (with the key to write in the policy file) and
the tables it needs; --sql adds the SQL.
With --checks DIR your own checks (every .sql file in DIR) are listed and shown too;
a check whose header has a mistake is listed with the file, line and the mistake.

Flags:
%s
Examples:
  avgaudit checks
  avgaudit checks show photo_without_consent
  avgaudit checks show photo_without_consent --sql --lang en
  avgaudit checks --checks ./eigen-controles
`

// checkWords are the words of checks show, per language.
var checkWords = map[string]map[string]string{
	"nl": {"why": "Waarom", "fix": "Wat te doen", "source": "Bron", "severity": "Ernst", "area": "Gebied",
		"requires": "Nodig", "file": "Bestand", "impact": "Impact", "judges": "Beoordeelt", "settings": "Instellingen",
		"or": " of ", "error": "FOUT", "cannot": "deze controle kan niet worden uitgevoerd",
		"impactOf": "%d van 5 (risk.impact.%s in het beleidsbestand past dit aan)",
		"nothing":  "of iets er is (een open bevinding telt als kans 5)",
		"fixed":    "of iets er is (een open bevinding telt als kans %d: %s)",
		"rows":     "de rijen van %s (de kans volgt uit het deel met een open bevinding)",
		"policy":   "standaardwaarde; pas aan in het beleidsbestand met de sleutel links (zie docs/policy.md)",
		"sqlHint":  "(de SQL: avgaudit checks show %s --sql)"},
	"en": {"why": "Why", "fix": "What to do", "source": "Source", "severity": "Severity", "area": "Area",
		"requires": "Needs", "file": "File", "impact": "Impact", "judges": "Judges", "settings": "Settings",
		"or": " or ", "error": "ERROR", "cannot": "this check cannot run",
		"impactOf": "%d of 5 (risk.impact.%s in the policy file overrides it)",
		"nothing":  "whether something is there at all (an open finding counts as likelihood 5)",
		"fixed":    "whether something is there at all (an open finding counts as likelihood %d: %s)",
		"rows":     "the rows of %s (the likelihood follows from the share with an open finding)",
		"policy":   "default; override it in the policy file with the key on the left (see docs/policy.md)",
		"sqlHint":  "(the SQL: avgaudit checks show %s --sql)"},
}

func (e *env) runChecks(args []string) error {
	var dir, lang string
	var showSQL bool
	flags := pflag.NewFlagSet("checks", pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.StringVar(&dir, "checks", "", "also list your own checks: every .sql file in `DIR`")
	flags.BoolVar(&showSQL, "sql", false, "with show: also print the check's SQL")
	flags.StringVar(&lang, "lang", "nl", "language of the titles and explanations: nl or en")
	if err := flags.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			e.fprintf(e.stdout, e.tr(text{checksHelpNL, checksHelp}), e.flagUsages("checks", flags))
			return err
		}
		return e.flagError("checks", flags, err)
	}
	if err := checkLang(lang); err != nil {
		return err
	}
	e.lang = lang
	args = flags.Args()
	if len(args) > 0 && args[0] == "show" {
		if len(args) != 2 {
			return app.Usage2f("checks show takes one ID (see avgaudit checks for the list)", "checks show heeft één ID nodig (avgaudit checks toont de lijst)")
		}
		args = args[1:]
	}
	if len(args) > 1 {
		return app.Usage2f("checks takes at most one ID", "checks heeft hooguit één ID")
	}
	checks, err := app.Checks(dir, nil, nil)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		e.listChecks(checks)
		return nil
	}
	for _, c := range checks {
		if c.ID == args[0] {
			e.showCheck(c, showSQL)
			return nil
		}
	}
	var ids []string
	for _, c := range checks {
		ids = append(ids, c.ID)
	}
	return app.Usage2f("no check %q; checks: %s", "geen controle %q; controles: %s", args[0], strings.Join(ids, ", "))
}

// listChecks prints one aligned line per check, in the run's language.
func (e *env) listChecks(checks []queries.Check) {
	w := checkWords[e.lang]
	idW, areaW, sevW := 0, 0, 0
	for _, c := range checks {
		idW = max(idW, utf8.RuneCountInString(c.ID))
		areaW = max(areaW, utf8.RuneCountInString(areaWord(c.Area, e.lang)))
		sevW = max(sevW, utf8.RuneCountInString(severityWord(c.Severity, e.lang)))
	}
	for _, c := range checks {
		title := c.Title.NL
		if e.lang == "en" {
			title = c.Title.EN
		}
		if c.Err != nil {
			title = w["error"] + ": " + e.message(c.Err)
		}
		sev := severityWord(c.Severity, e.lang)
		e.fprintf(e.stdout, "%s  %s  %s  %s\n", pad(c.ID, idW), pad(areaWord(c.Area, e.lang), areaW), pad(sev, sevW), title)
	}
}

// severityWord names a severity as the reports do.
func severityWord(code, lang string) string {
	if t, ok := vocab.Severities.Lookup(code); ok {
		return t.In(lang)
	}
	return code
}

// areaWord names an area as the reports do; an area of your own checks
// as it is written.
func areaWord(code, lang string) string {
	if t, ok := vocab.Areas.Lookup(code); ok {
		return t.In(lang)
	}
	return code
}

// pad fills s with spaces to width runes.
func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

// showCheck explains one check in words, in the run's language: what it
// finds and why, what to do, the source and the settings; then its
// metadata, and the SQL only when asked. For a check that could not be
// read, the mistake.
func (e *env) showCheck(c queries.Check, showSQL bool) {
	w := checkWords[e.lang]
	pick := func(t results.Text) string {
		if e.lang == "en" {
			return t.EN
		}
		return t.NL
	}
	if c.Err != nil {
		e.fprintf(e.stdout, "%s — %s\n\n%s: %v\n", c.ID, c.File, w["cannot"], c.Err)
		return
	}
	e.fprintf(e.stdout, "%s\n%s\n\n", pick(c.Title), c.ID)
	labels := []string{w["why"], w["fix"], w["source"], w["severity"], w["area"], w["impact"], w["judges"], w["requires"], w["file"]}
	lw := 0
	for _, l := range labels {
		lw = max(lw, utf8.RuneCountInString(l))
	}
	line := func(label, value string) {
		if value != "" {
			e.fprintf(e.stdout, "%s  %s\n", pad(label+":", lw+1), value)
		}
	}
	line(w["why"], pick(c.Why))
	line(w["fix"], pick(c.Fix))
	line(w["source"], c.Source)
	if params := app.CheckParams(c); len(params) > 0 {
		e.fprintf(e.stdout, "%s\n", w["settings"]+" ("+w["policy"]+"):")
		for _, p := range params {
			doc := p.DocNL
			if e.lang == "en" {
				doc = p.Doc
			}
			e.fprintf(e.stdout, "  %s = %s: %s\n", p.Name, p.String(), doc)
		}
	}
	fmt.Fprintln(e.stdout)
	line(w["severity"], severityWord(c.Severity, e.lang))
	line(w["area"], areaWord(c.Area, e.lang))
	if c.Impact > 0 {
		impact := fmt.Sprintf(w["impactOf"], c.Impact, c.ID)
		if why := pick(c.ImpactWhy); why != "" {
			impact += ": " + why
		}
		line(w["impact"], impact)
	}
	if c.Population == queries.NoPopulation && c.Likelihood > 0 {
		line(w["judges"], fmt.Sprintf(w["fixed"], c.Likelihood, pick(c.LikelihoodWhy)))
	} else if c.Population == queries.NoPopulation {
		line(w["judges"], w["nothing"])
	} else if c.Population != "" {
		line(w["judges"], fmt.Sprintf(w["rows"], c.Population))
	}
	var req []string
	for _, g := range c.Requires {
		req = append(req, strings.Join(g, w["or"]))
	}
	line(w["requires"], strings.Join(req, ", "))
	line(w["file"], c.File)
	if showSQL {
		e.fprintf(e.stdout, "\n%s\n", c.SQL)
		return
	}
	e.fprintf(e.stdout, "\n"+w["sqlHint"]+"\n", c.ID)
}
