package cli

import (
	"fmt"
	"io"

	"github.com/avgaudit/avgaudit/vocab"
)

// text is a terminal message in Dutch and English; --lang chooses (Dutch
// by default, like the reports), for help texts and usage errors too.
// Counts among its arguments are vocab.Count: 1.284 in Dutch, 1,284 in
// English (see e.fprintf).
type text vocab.Text

// Terminal messages of the audit command.
var (
	msgAuditing       = text{"avgaudit %s: audit van %s\n", "avgaudit %s: auditing %s\n"}
	msgSampleSource   = text{"de voorbeeldorganisatie (ingebouwd)", "the sample organisation (built in)"}
	msgLoaded         = text{"peildatum %s; %d {bestand|bestanden} ingelezen:\n", "reference date %s; %d {file|files} loaded:\n"}
	msgRows           = text{"%*d {rij|rijen}", "%*d {row|rows}"}
	msgRejectedRows   = text{", %d afgewezen", ", %d rejected"}
	msgSkipped        = text{"      niet ingelezen (niet nodig voor de audit): %s\n", "      not loaded (not needed for the audit): %s\n"}
	msgNeededColumns  = text{"      ontbreekt, maar een controle leest het (koppel het in het manifest): %s\n", "      missing, but a check reads it (map it in the manifest): %s\n"}
	msgUnusedColumns  = text{"      ingelezen, maar door geen controle gebruikt (het manifest kan het weglaten): %s\n", "      loaded, but no check reads it (the manifest may leave it out): %s\n"}
	msgIncomplete     = text{" (onvolledig)", " (incomplete)"}
	msgAllListed      = text{"ze staan allemaal in %s", "all of them are listed in %s"}
	msgFirstListed    = text{"de eerste %d per bestand staan in %s (nog %d niet); bewaar de database met --db om ze allemaal te zien in de tabel _rejects", "the first %d per file are listed in %s (%d more are not); keep the database with --db to see them all in its _rejects table"}
	msgNotLoaded      = text{"waarschuwing: %d {rij|rijen} niet ingelezen:\n", "warning: %d {input row was|input rows were} not loaded:\n"}
	msgMoreProblems   = text{"  ... en nog %d {probleem|problemen}", "  ... and %d more {problem|problems}"}
	msgRowColumn      = text{"  %s, rij %d, kolom %q: %s\n", "  %s, row %d, column %q: %s\n"}
	msgRow            = text{"  %s, rij %d: %s\n", "  %s, row %d: %s\n"}
	msgRowsColumn     = text{"  %s, kolom %q: %d {rij|rijen} (rij %s): %s\n", "  %s, column %q: %d {row|rows} (rows %s): %s\n"}
	msgChecksSummary  = text{"\n%d {controle|controles}: %d met bevindingen, %d zonder bevindingen, %d niet uitgevoerd, %d mislukt; %d {bevinding|bevindingen}\n", "\n%d {check|checks}: %d with findings, %d passed, %d not run, %d failed; %d {finding|findings}\n"}
	msgFindings       = text{"%d {bevinding|bevindingen}", "%d {finding|findings}"}
	msgPassed         = text{"geen bevindingen", "passed"}
	msgNotRun         = text{"niet uitgevoerd: ", "not run: "}
	msgFailed         = text{"MISLUKT", "FAILED"}
	msgLinkWarning    = text{"waarschuwing: %s\n", "warning: %s\n"}
	msgCheckWarning   = text{"waarschuwing: controle %s: %s\n", "warning: check %s: %s\n"}
	msgWritten        = text{"\nrapporten geschreven naar %s: %s\n", "\nreports written to %s: %s\n"}
	msgDBKept         = text{"database bewaard in %s\n", "database kept in %s\n"}
	msgAnd            = text{" en ", " and "}
	msgOtherAudiences = text{"waarschuwing: in %s staan nog rapporten van een eerdere run, die deze run niet vervangt (andere --audience): %s; verwijder ze als ze niet meer kloppen\n", "warning: %s still holds reports of an earlier run that this run does not replace (another --audience): %s; remove them if they are out of date\n"}
	msgKeyCreated     = text{"nieuwe sleutel voor pseudoniemen gemaakt in %s: bewaar hem, dan zijn de pseudoniemen volgend jaar dezelfde\n", "new pseudonym key made in %s: keep it, so next year's pseudonyms are the same\n"}
	msgHistory        = text{"volledige resultaten bewaard voor volgend jaar in %s (met persoonsgegevens: deel deze map niet)\n", "full results kept for next year in %s (holds personal data: do not share this folder)\n"}
	msgHistoryKept    = text{"%s niet vervangen: die audit van dezelfde peildatum voerde %d {controle|controles} uit die deze niet uitvoerde (%s); volgend jaar wordt met die vollediger audit vergeleken (verwijder het bestand om het toch te vervangen)\n", "%s not replaced: that audit of the same reference date ran %d {check|checks} this one did not (%s); next year's audit compares with that fuller one (remove the file to replace it anyway)\n"}
	msgPrevious       = text{"vergeleken met de audit van %s (%s): %d nieuw, %d blijvend, %d opgelost\n", "compared with the audit of %s (%s): %d new, %d persisting, %d resolved\n"}
	msgAccepted       = text{"geaccepteerde risico's: %d {bevinding|bevindingen} geaccepteerd; %d open\n", "accepted risks: %d {finding|findings} accepted; %d open\n"}
	msgEncrypted      = text{"beveiligd met het wachtwoord (nodig om ze te openen): %s\n", "protected with the password (needed to open them): %s\n"}
	msgLeftovers      = text{"%d {tijdelijk bestand of map|tijdelijke bestanden of mappen} van een afgebroken run opgeruimd in %s\n", "removed %d {temporary file or folder|temporary files or folders} an interrupted run left in %s\n"}
	msgInterrupted    = text{"onderbroken; er is geen rapport geschreven en de vorige rapporten zijn ongewijzigd", "interrupted; no report was written and the previous reports are unchanged"}
)

// Terminal messages of the init command (the reasons and notes of
// package profiles are written in both languages there).
var (
	msgInitPlaced   = text{"%d {export|exports} herkend:\n", "%d {export|exports} recognised:\n"}
	msgInitMatched  = text{"%d van %d {kolom|kolommen} gekoppeld", "%d of %d {column|columns} matched"}
	msgInitCheck    = text{"      controleer: %s\n", "      check: %s\n"}
	msgInitUnplaced = text{"kon %d {export|exports} niet plaatsen:\n", "could not place %d {export|exports}:\n"}
	msgInitReview   = text{"controleer het (regels met REVIEW)", "review it (lines marked REVIEW)"}
	msgInitSaveAs   = text{" en sla het op als ", " and save it as "}
	msgInitWritten  = text{"\nmanifest geschreven naar %s: %s, en voer dan avgaudit audit %s uit\n", "\nmanifest written to %s: %s, then run avgaudit audit %s\n"}
	msgNoManifest   = text{"geen %s: de exports zijn automatisch herkend (avgaudit init schrijft een manifest om na te kijken)\n", "no %s: recognised the exports automatically (run avgaudit init to review)\n"}
)

// Terminal messages of the sample command.
var (
	msgSampling      = text{"avgaudit %s: steekproef uit %s\n", "avgaudit %s: sampling %s\n"}
	msgSeed          = text{"seed %d: trek dezelfde steekproef opnieuw met --seed %d\n", "seed %d: redraw this sample with --seed %d\n"}
	msgSampleAsOf    = text{"peildatum %s: de bevindingen en bewaartermijnen gelden op die dag (--as-of kiest een andere)\n", "reference date %s: findings and retention periods are as of that day (--as-of chooses another)\n"}
	msgPopulation    = text{"populatie: %d %s; %d getrokken\n", "population: %d %s; %d drawn\n"}
	msgPopulationAll = text{"populatie: %d %s; --size %d is niet kleiner, dus de steekproef bevat ze allemaal\n", "population: %d %s; --size %d is not smaller, so the sample holds all of them\n"}
	msgAllFindings   = text{"bevindingen van alle controles", "findings of all checks"}
	msgCheckFindings = text{"bevindingen van controle %s", "findings of check %s"}
	msgTableRows     = text{"rijen van tabel %s", "rows of table %s"}
	msgChecklist     = text{"checklist geschreven naar %s\n", "checklist written to %s\n"}
	msgSampleNotRun  = text{"waarschuwing: controle %s is niet uitgevoerd (%s): haar bevindingen kunnen niet in de steekproef zitten\n", "warning: check %s did not run (%s): its findings cannot be in the sample\n"}
	msgAuditListsAll = text{"avgaudit audit noemt ze allemaal", "avgaudit audit lists them all"}
)

// tr picks t in the language of the run.
func (e *env) tr(t text) string { return vocab.Text(t).In(e.lang) }

// fprintf prints format with args in the language of the run: a
// vocab.Count with the language's thousands separator, a vocab.Text or an
// error in the language (see vocab.Sprintf).
func (e *env) fprintf(w io.Writer, format string, args ...any) {
	fmt.Fprint(w, vocab.Sprintf(e.lang, format, args...))
}

// sprintf is t with args in the language of the run (see fprintf).
func (e *env) sprintf(t text, args ...any) string { return vocab.Sprintf(e.lang, e.tr(t), args...) }

// acceptanceStatus names the statuses of register entries on the terminal.
var acceptanceStatus = map[string]text{
	"accepted":          {"geaccepteerd", "accepted"},
	"expired":           {"verlopen: bevindingen weer open", "expired: findings open again"},
	"expired_unmatched": {"verlopen (vindt niets meer)", "expired (matches nothing any more)"},
	"stale":             {"vindt niets (verouderd?)", "matches nothing (stale?)"},
	"pending":           {"nog niet ingegaan", "not yet in force"},
}

// Usage messages shared by the commands.
var (
	msgDefault        = text{" (standaard %q)", " (default %q)"}
	msgUnknownCommand = text{"onbekende opdracht %q%s; opdrachten: audit, init, checks, sample, version (zie avgaudit --help)", "unknown command %q%s; commands: audit, init, checks, sample, version (see avgaudit --help)"}
	msgMeantCommand   = text{" (bedoel je %s?)", " (did you mean %s?)"}
)
