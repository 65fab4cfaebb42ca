/**
 * The patient list and search, the patient chart that gathers one patient's record from every module, contact
 * edits by the desk and the owner's merge of duplicates.
 */
@NullMarked
package clinic.relief.workspace.chart;

import org.jspecify.annotations.NullMarked;
