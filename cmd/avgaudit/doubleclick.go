package main

import (
	"bufio"
	"fmt"
	"io"
)

// doubleClicked tells whether avgaudit was started without arguments in a
// console window of its own: on Windows, double-clicked in the Explorer. A
// console program started from a terminal shares the terminal's console with
// it (cmd.exe or PowerShell, so two or more processes); a double-clicked one
// is alone in a console that closes the moment it exits.
func doubleClicked(args []string, consoleProcesses int) bool {
	return len(args) == 0 && consoleProcesses == 1
}

// doubleClickHelp is shown instead of the usage, which would flash by.
const doubleClickHelp = `avgaudit controleert hoe een kinderopvangorganisatie met persoonsgegevens
omgaat (AVG). Het is een programma voor de opdrachtregel: het opent zelf geen
venster.

Zo gebruikt u het:
  1. Open in de Verkenner de map waarin avgaudit.exe staat.
  2. Klik met de rechtermuisknop op een lege plek in die map en kies
     "Openen in Terminal" (of typ powershell in de adresbalk en druk op Enter).
  3. Typ een opdracht en druk op Enter, bijvoorbeeld:
       .\avgaudit.exe audit               proef op een voorbeeldorganisatie
       .\avgaudit.exe init C:\exports     herken de exports in een map
       .\avgaudit.exe audit C:\exports --out C:\rapport
       .\avgaudit.exe --help              alle opdrachten

Het rapport (rapport.html, rapport.xlsx, resultaten.json) komt in de map
avgaudit-rapport, of in de map die u met --out opgeeft. Meer uitleg staat in
README.md, naast avgaudit.exe.

`

// explainAndWait prints the explanation and waits for Enter (or the end of
// the input), so that the window stays open until the user has read it.
func explainAndWait(w io.Writer, r io.Reader) {
	fmt.Fprint(w, doubleClickHelp)
	fmt.Fprint(w, "Druk op Enter om dit venster te sluiten.")
	_, _ = bufio.NewReader(r).ReadString('\n')
}
