// Home page: the storefront. A featured hero, curated shelves, genres and authors.
import { Link, createRoute } from '@tanstack/react-router';
import { PopularAuthors } from '@/features/authors/components/popular-authors';
import { BookListRow } from '@/features/books/components/book-list-row';
import { BookShelf } from '@/features/books/components/book-shelf';
import { FeaturedHero } from '@/features/books/components/featured-hero';
import { GenreGrid } from '@/features/categories/components/genre-grid';
import { ContinueReadingRow } from '@/features/library/components/continue-reading-row';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { rootRoute } from './root';

const seeAll = 'mr-2 text-sm font-medium text-accent hover:underline';

function HomeRoute() {
  useDocumentTitle();

  return (
    <div className="flex flex-col">
      <h1 className="sr-only">MANGU Publishing: books to discover, buy and read</h1>
      <FeaturedHero />
      <div className="mt-6 flex flex-col gap-14 sm:mt-8 sm:gap-16">
        <ContinueReadingRow />
        <BookShelf
          kind="trending"
          title="Trending now"
          blurb="What readers are opening this week"
          action={
            <Link
              to="/books"
              search={{ sort: 'popular' }}
              className={seeAll}
              aria-label="See all trending books"
            >
              See all
            </Link>
          }
        />
        <BookShelf
          kind="new"
          title="New releases"
          blurb="Fresh from the presses"
          action={
            <Link to="/books" className={seeAll} aria-label="See all new releases">
              See all
            </Link>
          }
        />
        <GenreGrid />
        <BookShelf
          kind="top-rated"
          title="Top rated"
          blurb="The books readers love most"
          action={
            <Link
              to="/books"
              search={{ sort: 'rating' }}
              className={seeAll}
              aria-label="See all top rated books"
            >
              See all
            </Link>
          }
        />
        <BookListRow
          title="Free to read"
          blurb="Classics and new voices, on the house"
          filter={{ price: 'free', sort: 'popular' }}
          data-testid="shelf-free"
          action={
            <Link
              to="/books"
              search={{ price: 'free' }}
              className={seeAll}
              aria-label="See all free books"
            >
              See all
            </Link>
          }
        />
        <PopularAuthors />
      </div>
    </div>
  );
}

export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: HomeRoute,
});
