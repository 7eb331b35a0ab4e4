/** The data that flows between stages: immutable records, no I/O. */
package briefing.model;
