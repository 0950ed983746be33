package profiles

import (
	"regexp"
	"strings"

	"github.com/avgaudit/avgaudit/model"
)

// dutchPhrases turn the English phrases of the reasons, notes and comments
// this package writes into Dutch, in this order (longer phrases before the
// shorter ones they hold). Every template of the package is listed; what
// they quote (headers, table and column names) stays as it is.
var dutchPhrases = [][2]string{
	{", but no header was recognised as the required ", ", maar geen kolomkop werd herkend als de verplichte "},
	{", but only ", ", maar er passen maar "},
	// evidence of values
	{"its values are references (", "de waarden zijn kenmerken ("},
	{"), not yes/no answers", "), geen ja/nee-antwoorden"},
	{"its values are not yes/no answers", "de waarden zijn geen ja/nee-antwoorden"},
	{"its values are yes/no answers", "de waarden zijn ja/nee-antwoorden"},
	{"its values are not dates", "de waarden zijn geen datums"},
	{"its values are dates", "de waarden zijn datums"},
	{"its values are not BSNs", "de waarden zijn geen BSN's"},
	{"values: a checkbox (", "waarden: een vinkkolom ("},
	{" or blank)", " of leeg)"},
	{"values: yes/no answers", "waarden: ja/nee-antwoorden"},
	{"values: BSNs (9 digits passing the 11-check)", "waarden: BSN's (9 cijfers die de elfproef doorstaan)"},
	{"values: consent questions", "waarden: toestemmingsvragen"},
	{"values: dates", "waarden: datums"},
	{"values: all different and none blank, the key ", "waarden: alle verschillend en geen leeg, de sleutel "},
	{"; words partly alike", "; woorden deels gelijk"},
	{"values: references (", "waarden: kenmerken ("},
	{"words partly as in ", "woorden deels als in "},
	{"values: the ", "waarden: de "},
	{" keys of ", "-sleutels van "},
	{"the column's own name", "de eigen naam van de kolom"},
	{"a known name", "een bekende naam"},
	{"words as in ", "woorden als in "},
	{"its header sounds like ", "de kolomkop klinkt als "},
	{", but ", ", maar "},
	{"; they fit ", "; ze passen bij "},
	{", the only such column left for ", ", de enige zulke kolom die over is voor "},
	// notes
	{"labels not recognised: ", "labels niet herkend: "},
	{"; map each under values: ", "; koppel elk onder values: "},
	{": to one of ", ": aan een van "},
	{"the header has ", "de kopregel heeft "},
	{" columns of this name; rename all but the one to load in the export", " kolommen met deze naam; geef in de export alle behalve de in te lezen kolom een andere naam"},
	{"mapped to ", "gekoppeld aan "},
	{" by its values alone (", " alleen op grond van de waarden ("},
	{"); check it", "); controleer het"},
	{"REVIEW: proposed by its words; ", "REVIEW: voorgesteld op grond van de woorden; "},
	{"REVIEW: read as ", "REVIEW: gelezen als "},
	{" by its words", " op grond van de woorden"},
	// reasons
	{"no column header matches a column of any table, so it is not loaded (nothing to do if it holds notes rather than an export)",
		"geen kolomkop past bij een kolom van een tabel, dus het wordt niet ingelezen (niets te doen als het aantekeningen bevat in plaats van een export)"},
	{"; if the export has it under another name, add the file to the manifest by hand and map that header, otherwise export it again with that column",
		"; als de export die onder een andere naam heeft, zet het bestand dan met de hand in het manifest en koppel die kolomkop, anders exporteer het opnieuw met die kolom"},
	{"; a draft entry is in the manifest: choose the header there, then audit", "; er staat een concept in het manifest: kies daar de kolomkop en voer dan de audit uit"},
	{"which matches fewer columns", "dat minder kolommen koppelt"},
	{"; it also fits ", "; het past ook bij "},
	{" equally well; add it to the manifest by hand with the right table", " even goed; zet het met de hand in het manifest met de juiste tabel"},
	{"fits ", "past bij "},
	{"closest is ", "het dichtst bij is "},
	{" match (at least ", " (minstens "},
	{" needed)", " nodig)"},
	{" (probably `", " (waarschijnlijk `"},
	{"` or `", "` of `"},
	{"an old Excel 97-2003 workbook (.xls), which cannot be read: open it in Excel and save it as",
		"een oude Excel 97-2003-werkmap (.xls), die niet gelezen kan worden: open hem in Excel en sla hem op als"},
	{"an Excel binary workbook (.xlsb), which cannot be read: open it in Excel and save it as",
		"een binaire Excel-werkmap (.xlsb), die niet gelezen kan worden: open hem in Excel en sla hem op als"},
	{"an OpenDocument spreadsheet (.ods), which cannot be read: open it and save it as",
		"een OpenDocument-rekenblad (.ods), dat niet gelezen kan worden: open het en sla het op als"},
	// as_of
	{": the reference date (Peildatum) that ", ": de peildatum die "},
	{" gives; --as-of overrides it", " geeft; --as-of gaat daarvoor"},
	{" give; --as-of overrides it", " geven; --as-of gaat daarvoor"},
	// counts
	{" columns)", " kolommen)"},
	{" columns matched", " kolommen gekoppeld"},
	{" columns", " kolommen"},
	{" and ", " en "},
}

var dutchReplacer = func() *strings.Replacer {
	var pairs []string
	for _, p := range dutchPhrases {
		pairs = append(pairs, p[0], p[1])
	}
	for col, docs := range model.ValueDocs { // what canonical values mean
		for v, en := range docs {
			if nl := model.ValueDocsNL[col][v]; nl != "" {
				pairs = append([]string{en, nl}, pairs...)
			}
		}
	}
	return strings.NewReplacer(pairs...)
}()

// Dutch is s, a reason, note or comment of this package, in Dutch.
func Dutch(s string) string {
	return scoreOf.ReplaceAllString(dutchReplacer.Replace(s), "$1 van $2 ")
}

// scoreOf is a score ("3 of 4 kolommen", after the replacer).
var scoreOf = regexp.MustCompile(`\b(\d+) of (\d+) `)

// InLang is s in lang: Dutch for "nl", else as it is.
func InLang(lang, s string) string {
	if lang == "nl" {
		return Dutch(s)
	}
	return s
}
