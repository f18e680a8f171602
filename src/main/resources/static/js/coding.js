// Coding screen: picking a code from the search results puts it into the field it was searched from.
document.addEventListener('click', function (event) {
  var pick = event.target.closest('button.pick');
  if (!pick) {
    return;
  }
  var results = pick.closest('.search-hits');
  var field = document.querySelector('input[data-results="' + results.id + '"]');
  field.value = pick.getAttribute('data-code');
  results.innerHTML = '';
  field.focus();
});
