// Package audience prepares a run for the audience a report is written
// for: the risk analysis (pseudonymised record keys, personal values in
// texts replaced by markers), the data protection officer (full detail) and
// management (aggregates only). Reporters receive the prepared run.
package audience
