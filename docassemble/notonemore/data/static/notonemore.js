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

// A long list (states, counties, countries: docassemble.notonemore.choices) comes as a text box
// whose data-options attribute holds its [value, label] pairs; it becomes a plain <select> of them,
// with the box's name, id (its label's target) and attributes, and the box's value chosen.
$(document).on('daPageLoad', function () {
  $('input.nom-plain-choice').each(function () {
    var box = this, select = document.createElement('select');
    $.each(box.attributes, function () {
      if (!/^(type|value|alt|placeholder|class|data-options)$/.test(this.name)) {
        select.setAttribute(this.name, this.value);
      }
    });
    select.className = box.className.replace(/\bform-control\b/, 'form-select');
    JSON.parse(box.getAttribute('data-options') || '[]').forEach(function (pair) {
      select.add(new Option(pair[1], pair[0]));
    });
    select.value = box.value;
    if (select.selectedIndex < 0) { select.value = ''; }
    box.replaceWith(select);
  });
});
