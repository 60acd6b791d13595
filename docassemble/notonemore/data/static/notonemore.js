// Corrections to docassemble's page frame that accessibility checks (axe-core) ask for.
// Run on every screen, after docassemble has drawn it.
$(document).on('daPageLoad', function () {
  // A group of checkboxes is a plain <div> marked aria-required, which a <div> may not carry;
  // the label and the error message already say that an answer is needed.
  $('.da-field-container[aria-required]:not([role])').removeAttr('aria-required');
  // Errors are announced where they appear: text boxes sit in a live region already, a group
  // of radio buttons or checkboxes did not.
  $('.da-field-container, fieldset.da-field-radio, fieldset.da-field-checkbox').not('[aria-live]').attr('aria-live', 'polite');
});
