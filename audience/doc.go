// Package audience turns one audit run into what each reader of the reports
// may see. The same run is written three times:
//
//   - for management and the board (Management): aggregates only, no
//     personal data, no record keys, and every count of findings or records
//     between 1 and 4 shown as "< 5";
//   - for the annual risk analysis (Risk): record keys pseudonymised and
//     texts scrubbed of the personal values in the data;
//   - for the data protection officer's spot check (FG): full detail, BSN
//     masked.
//
// This package is the one owner of the audiences. Risk and FG return an
// audience.Detailed, Management a *Summary: the only types the reporters
// (package reports) accept, so a run that did not pass through this step
// cannot reach a report, and the reporters never branch on the audience.
// The transformations work on a *results.Run and never change it.
package audience
