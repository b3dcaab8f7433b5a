# Folio::Sample: a module written for folio's tests, with its manual
# in POD after its code, as Perl modules have it.

package Folio::Sample;

use strict;
use warnings;

our $VERSION = '1.0';

# Reading

# Read a document; see [the reader](#reader) below, and
# [the outline](#outline) and [the store](#store) for the rest.
sub read_doc {
	my ($path) = @_;
	return $path;
}

# Sorting
# Compare two sections by their place.
sub by_place { $a->{at} <=> $b->{at} }
=head1 NAME

Folio::Sample - a sample module with a manual

=head1 SYNOPSIS

    use Folio::Sample;
    my $doc = Folio::Sample::read_doc('guide.txt');

    =head1 an example of POD in a verbatim block is no heading

=head1 DESCRIPTION

This module exists so that the outline of Perl's documentation can be
tested: each C<=head> command is a heading, its formatting codes read.

=head2 C<< read_doc($path) >> and C<by_place>X<read_doc>

Returns the document at C<$path>.

=head2 Sorting with E<lt>=E<gt> in L<the Perl manual|perlop>

Sections are sorted by their place.

=head2

=cut

sub more { 1 }

=head2 B<more()> after the code
=head2 B<more($n)>

Returns one.

=cut

1;
